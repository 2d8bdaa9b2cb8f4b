#!/usr/bin/env node
// Compiles the shipped lexicons (server/data) once, at build time, into server/out/engine/lexicons.compiled.json:
// every CLI run, worker thread and language server then loads the ready index instead of compiling ~1,300 patterns.
// The engine checks the index's key (data and compiler) and compiles from source when it does not match.
import fs from 'node:fs';

const { compiledIndex, COMPILED_INDEX } = await import('../server/out/engine/lexicon.js');
fs.writeFileSync(COMPILED_INDEX, JSON.stringify(compiledIndex()));
