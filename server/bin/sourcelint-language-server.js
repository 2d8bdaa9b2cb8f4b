#!/usr/bin/env node
// A committed shim, so npm can link and chmod the bin before `prepare` has built out/.
import { entryPoint } from './entry.js';

await import(entryPoint('language-server.js', 'lsp/main.js'));
