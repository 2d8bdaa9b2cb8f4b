#!/usr/bin/env node
// npm run test:e2e: the extension's end-to-end tests in a real VS Code, offline. code-server 4.139.1 (VS Code
// 1.139.1, installed from the npm registry by install.sh) serves the workbench; Debian's Chromium, driven by
// playwright-core, opens it with the extension under development and its test entry (client/out/test/index.js).
// The workbench calls window.codeAutomationExit(code) when the tests end. Prints "N passed, N failed".
//   --screenshot FILE   instead of the tests, open the sample draft with Problems and a quick-fix menu, and save a PNG.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const screenshot = process.argv.includes('--screenshot') ? path.resolve(process.argv[process.argv.indexOf('--screenshot') + 1]) : undefined;
const TIMEOUT_MS = Number(process.env.SOURCELINT_E2E_TIMEOUT_MS ?? 240_000);

const cache = execFileSync('bash', [path.join(root, 'test/e2e/install.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
const nodeDir = fs.readdirSync(cache).find((d) => d.startsWith('node-'));
const csDir = fs.readdirSync(cache).find((d) => d.startsWith('code-server-'));
const codeServer = path.join(cache, csDir, 'bin/code-server');

const freePort = () =>
  new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-e2e-'));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.join(root, 'samples'), workspace, { recursive: true });
const results = path.join(tmp, 'results.json');
const port = await freePort();
const env = {
  ...process.env,
  PATH: `${path.join(cache, nodeDir, 'bin')}:${process.env.PATH}`,
  XDG_CONFIG_HOME: path.join(tmp, 'config'),
  XDG_DATA_HOME: path.join(tmp, 'data'),
  SOURCELINT_E2E_RESULTS: results,
};
const server = spawn(
  codeServer,
  [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', path.join(tmp, 'user'), '--extensions-dir', path.join(tmp, 'user/ext'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--vscode-option', 'enable-smoke-test-driver',
  ],
  { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
);
let serverLog = '';
server.stdout.on('data', (d) => (serverLog += d));
server.stderr.on('data', (d) => (serverLog += d));

let browser;
const cleanup = async () => {
  await Promise.race([browser?.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  for (const signal of ['SIGTERM', 'SIGKILL']) {
    try { process.kill(-server.pid, signal); } catch { /* already gone */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  fs.rmSync(tmp, { recursive: true, force: true });
};

try {
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* not up yet */ }
    if (i > 120) throw new Error(`code-server did not start:\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  // A persistent context is how playwright takes a fresh --user-data-dir.
  browser = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(root)]];
  const entry = screenshot ? 'client/out/test/screenshot.js' : 'client/out/test/index.js';
  payload.push(['extensionTestsPath', remote(path.join(root, entry))]);
  await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);

  if (screenshot) {
    for (let i = 0; !fs.existsSync(results); i++) {
      if (i > 240) throw new Error('the workbench never staged the screenshot');
      await page.waitForTimeout(500);
    }
    await page.waitForTimeout(2500);
    fs.mkdirSync(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot });
    console.log(`screenshot: ${screenshot} (${fs.readFileSync(results, 'utf8')})`);
  } else {
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT_MS))]);
    const outcomes = fs.existsSync(results) ? JSON.parse(fs.readFileSync(results, 'utf8')) : [];
    for (const o of outcomes) console.log(`${o.ok ? '✔' : '✖'} ${o.name}${o.error ? `\n    ${o.error.split('\n').slice(0, 6).join('\n    ')}` : ''}`);
    const failed = outcomes.filter((o) => !o.ok).length + (outcomes.length === 0 ? 1 : 0);
    if (outcomes.length === 0) console.log(`no results (exit ${code}); workbench console:\n${consoleLines.slice(-40).join('\n')}\n${serverLog.slice(-3000)}`);
    console.log(`${outcomes.length - (failed - (outcomes.length === 0 ? 1 : 0))} passed, ${failed} failed`);
    process.exitCode = failed === 0 && code === 0 ? 0 : 1;
  }
} catch (e) {
  console.error(`e2e: ${e.message}`);
  if (process.env.SOURCELINT_E2E_DEBUG) await browser?.pages()[0]?.screenshot({ path: process.env.SOURCELINT_E2E_DEBUG }).catch(() => {});
  process.exitCode = 1;
} finally {
  await cleanup();
  // code-server's pipes may keep the event loop alive after its process group is gone.
  process.exit(process.exitCode ?? 0);
}
