#!/usr/bin/env node
// A committed shim, so npm can link and chmod the bin before `prepare` has built out/.
import '../out/lsp/main.js';
