#!/usr/bin/env node
// npm run test:vscode: the same end-to-end tests in desktop VS Code, via @vscode/test-electron. It downloads VS Code,
// so it needs internet; on our offline machines use `npm run test:e2e` (code-server) instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-electron-'));
fs.cpSync(path.join(root, 'samples'), workspace, { recursive: true });
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'client/out/test/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { SOURCELINT_E2E_RESULTS: path.join(workspace, '.e2e-results.json') },
  });
} catch (e) {
  console.error(`test:vscode: ${e.message}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
