#!/usr/bin/env node
// Bundles the VS Code extension and its language server into dist/ with esbuild, so the extension starts fast and
// the .vsix carries no node_modules: dist/extension.js (CommonJS, for VS Code), dist/server.mjs (ESM) and the data and
// schema the engine reads at run time.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });
const common = { bundle: true, platform: 'node', target: 'node20', minify: true, sourcemap: true, logLevel: 'warning' };
await build({ ...common, entryPoints: [path.join(root, 'client/src/extension.ts')], outfile: path.join(dist, 'extension.js'), format: 'cjs', external: ['vscode'] });
await build({
  ...common,
  entryPoints: [path.join(root, 'server/src/lsp/main.ts')],
  outfile: path.join(dist, 'server.mjs'),
  format: 'esm',
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
for (const dir of ['data', 'schema']) fs.cpSync(path.join(root, 'server', dir), path.join(dist, dir), { recursive: true });
