#!/usr/bin/env node
// npm run test:e2e: the extension's end-to-end tests in a real VS Code, offline. code-server 4.139.1 (VS Code
// 1.139.1, installed from the npm registry by install.sh) serves the workbench; Debian's Chromium, driven by
// playwright-core, opens it and the workbench runs the tests (client/out/test/index.js), then calls
// window.codeAutomationExit(code). Two sessions, each with fresh user-data and extensions folders:
//   installed  what users get: `npm run package` builds the .vsix, `code-server --install-extension` installs it, and
//              the tests run from a separate test-only extension; nothing from the repository (no node_modules) is in
//              reach of the installed extension, and the workspace is a copy in the temporary folder.
//   dev        the extension from the repository (extensionDevelopmentPath), as a developer runs it.
// The workspace: samples/ with test/e2e/workspace/ on top (a .sourcelintrc.json, a YAML configuration in desk/, a
// CSL-JSON bibliography); user settings from test/e2e/user-settings.json. Prints "N passed, N failed".
//   --only installed|dev  one session
//   --vsix FILE           install this .vsix instead of packaging one
//   --screenshot FILE     instead of the tests: the installed .vsix on a copy of samples/, the sample draft with
//                         Problems and a quick-fix menu, saved as a PNG
//   --scene hover         with --screenshot: a cited claim's hover showing its evidence (test/e2e/evidence/)
import { spawn, execFileSync } from 'node:child_process';
import { CHROMIUM } from './checks.mjs';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const screenshot = option('--screenshot') && path.resolve(option('--screenshot'));
const only = option('--only');
/** With --screenshot: `draft` (the sample draft and a quick fix) or `hover` (a cited claim's evidence). */
const scene = option('--scene') ?? 'draft';
const TIMEOUT_MS = Number(process.env.SOURCELINT_E2E_TIMEOUT_MS ?? 240_000);
const EXTENSION_ID = 'sourcelint.sourcelint';

const cache = execFileSync('bash', [path.join(root, 'test/e2e/install.sh')], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
}).trim();
const nodeDir = fs.readdirSync(cache).find((d) => d.startsWith('node-'));
const csDir = fs.readdirSync(cache).find((d) => d.startsWith('code-server-'));
const codeServer = path.join(cache, csDir, 'bin/code-server');

/** A quiet workbench; the tests' own settings come from test/e2e/user-settings.json. */
const WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'chat.disableAIFeatures': true,
  'window.commandCenter': false,
};

const freePort = () =>
  new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

/** Builds the .vsix as a release would, into `dir`. */
function packageVsix(dir) {
  const given = option('--vsix');
  if (given) return path.resolve(given);
  const out = path.join(dir, 'sourcelint.vsix');
  execFileSync('npm', ['run', 'package', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  fs.copyFileSync(path.join(root, 'sourcelint.vsix'), out);
  return out;
}

/** The installed extension's folder, checked: it holds what the manifest needs and Node can reach nothing else. */
function checkInstalled(extensionsDir) {
  const found = fs.readdirSync(extensionsDir).filter((d) => d.startsWith(`${EXTENSION_ID}-`));
  if (found.length !== 1)
    throw new Error(
      `expected one ${EXTENSION_ID} in ${extensionsDir}, found: ${fs.readdirSync(extensionsDir).join(', ')}`,
    );
  const dir = path.join(extensionsDir, found[0]);
  const problems = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.name === 'node_modules') problems.push(`${p}: node_modules in the package`);
      else if (e.isSymbolicLink()) problems.push(`${p}: a symbolic link (to ${fs.readlinkSync(p)})`);
      else if (e.name.endsWith('.map')) problems.push(`${p}: a source map`);
      else if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  for (let d = dir; path.dirname(d) !== d; d = path.dirname(d)) {
    if (fs.existsSync(path.join(path.dirname(d), 'node_modules')))
      problems.push(`${path.dirname(d)}/node_modules is in reach of the extension`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const needed = [
    manifest.main,
    manifest.icon,
    'dist/server.mjs',
    ...manifest.contributes.jsonValidation.map((v) => v.url),
    ...manifest.contributes.snippets.map((s) => s.path),
  ];
  for (const file of needed)
    if (!fs.existsSync(path.join(dir, file))) problems.push(`${file}: named by the manifest, missing from the package`);
  if (problems.length > 0) throw new Error(`the installed extension:\n  ${problems.join('\n  ')}`);
  return dir;
}

/** A test-only extension holding the compiled tests, so the extension under test is exactly what was installed. */
function testHarness(dir) {
  fs.mkdirSync(path.join(dir, 'out'), { recursive: true });
  for (const f of fs.readdirSync(path.join(root, 'client/out/test')))
    if (f.endsWith('.js')) fs.copyFileSync(path.join(root, 'client/out/test', f), path.join(dir, 'out', f));
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: 'sourcelint-e2e',
      publisher: 'sourcelint-tests',
      version: '0.0.0',
      engines: { vscode: '^1.91.0' },
    }),
  );
  return dir;
}

/**
 * One code-server session. `installed`: the .vsix is installed and the harness runs the tests; otherwise the
 * repository is the extension under development. Resolves to the outcomes, or to the screenshot's note.
 */
async function session({ name, installed, entry, workspaceDirs, userSettings }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `sourcelint-e2e-${name}-`));
  const workspace = path.join(tmp, 'workspace');
  for (const dir of workspaceDirs) fs.cpSync(dir, workspace, { recursive: true });
  const userData = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir);
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ ...WORKBENCH_SETTINGS, ...userSettings }, null, 2),
  );
  const results = path.join(tmp, 'results.json');
  const { NODE_PATH: _ignored, ...inherited } = process.env;
  const env = {
    ...inherited,
    PATH: `${path.join(cache, nodeDir, 'bin')}:${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(tmp, 'config'),
    XDG_DATA_HOME: path.join(tmp, 'data'),
    SOURCELINT_E2E_RESULTS: results,
  };
  const dirs = ['--user-data-dir', userData, '--extensions-dir', extensionsDir];
  let devPath = root;
  if (installed) {
    execFileSync(codeServer, [...dirs, '--install-extension', packageVsix(tmp)], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    env.SOURCELINT_E2E_EXTENSION_ROOT = checkInstalled(extensionsDir);
    devPath = testHarness(path.join(tmp, 'harness'));
  } else {
    env.SOURCELINT_E2E_EXTENSION_ROOT = root;
  }
  const testsPath = path.join(devPath, installed ? 'out' : 'client/out/test', entry);

  const port = await freePort();
  const server = spawn(
    codeServer,
    [
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      ...dirs,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--vscode-option',
      'enable-smoke-test-driver',
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let serverLog = '';
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));
  let browser;
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (i > 120) throw new Error(`code-server did not start:\n${serverLog}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    // A persistent context is how playwright takes a fresh --user-data-dir.
    browser = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
      ...CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    const consoleLines = [];
    page.on('console', (m) => consoleLines.push(m.text()));
    const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(devPath)],
      ['extensionTestsPath', remote(testsPath)],
    ];
    await page.goto(
      `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    );

    if (screenshot) {
      for (let i = 0; !fs.existsSync(results); i++) {
        if (i > 240) throw new Error('the workbench never staged the screenshot');
        await page.waitForTimeout(500);
      }
      await page.waitForTimeout(2500);
      fs.mkdirSync(path.dirname(screenshot), { recursive: true });
      // Without the title bar: the test harness makes it say "[Extension Development Host]", which users never see.
      const top = await page.evaluate(() =>
        Math.ceil(document.querySelector('.part.titlebar')?.getBoundingClientRect().bottom ?? 0),
      );
      const { width, height } = page.viewportSize();
      await page.screenshot({ path: screenshot, clip: { x: 0, y: top, width, height: height - top } });
      return fs.readFileSync(results, 'utf8');
    }
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT_MS))]);
    const outcomes = fs.existsSync(results) ? JSON.parse(fs.readFileSync(results, 'utf8')) : [];
    if (outcomes.length === 0) {
      const note = `no results (exit ${code}); workbench console:\n${consoleLines.slice(-40).join('\n')}\n${serverLog.slice(-3000)}`;
      return [{ name: 'the tests ran', ok: false, error: note }];
    }
    if (code !== 0 && outcomes.every((o) => o.ok))
      outcomes.push({ name: 'the workbench exited cleanly', ok: false, error: `exit ${code}` });
    return outcomes;
  } catch (e) {
    if (process.env.SOURCELINT_E2E_DEBUG)
      await browser
        ?.pages()[0]
        ?.screenshot({ path: process.env.SOURCELINT_E2E_DEBUG })
        .catch(() => {});
    throw e;
  } finally {
    await Promise.race([browser?.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    for (const signal of ['SIGTERM', 'SIGKILL']) {
      try {
        process.kill(-server.pid, signal);
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const samples = path.join(root, 'samples');
try {
  if (screenshot) {
    // What a user sees opening samples/ with the extension from the marketplace.
    const note = await session({
      name: 'screenshot',
      installed: true,
      entry: scene === 'hover' ? 'screenshot-hover.js' : 'screenshot.js',
      workspaceDirs: [scene === 'hover' ? path.join(root, 'test/e2e/evidence') : samples],
      userSettings: {},
    });
    console.log(`screenshot: ${screenshot} (${note})`);
  } else {
    const userSettings = JSON.parse(fs.readFileSync(path.join(root, 'test/e2e/user-settings.json'), 'utf8'));
    const workspaceDirs = [samples, path.join(root, 'test/e2e/workspace')];
    let passed = 0;
    let failed = 0;
    for (const name of ['installed', 'dev'].filter((n) => !only || n === only)) {
      console.log(
        `${name === 'installed' ? 'installed .vsix, fresh code-server' : 'development path (the repository)'}:`,
      );
      let outcomes;
      try {
        outcomes = await session({
          name,
          installed: name === 'installed',
          entry: 'index.js',
          workspaceDirs,
          userSettings,
        });
      } catch (e) {
        outcomes = [{ name: 'the session started', ok: false, error: e.message }];
      }
      for (const o of outcomes)
        console.log(
          `  ${o.ok ? '✔' : '✖'} ${o.name}${o.error ? `\n      ${o.error.split('\n').slice(0, 8).join('\n      ')}` : ''}`,
        );
      passed += outcomes.filter((o) => o.ok).length;
      failed += outcomes.filter((o) => !o.ok).length;
    }
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 ? 0 : 1;
  }
} catch (e) {
  console.error(`e2e: ${e.message}`);
  process.exitCode = 1;
} finally {
  // code-server's pipes may keep the event loop alive after its process group is gone.
  process.exit(process.exitCode ?? 0);
}
