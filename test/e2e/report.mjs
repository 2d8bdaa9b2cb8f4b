#!/usr/bin/env node
// The HTML review report in a real headless Chromium (Debian's, driven by playwright-core): it loads offline with no
// console errors and no network request, the status filter works, and a screenshot goes to docs/report.png.
// Part of `npm run test:e2e` (test/e2e/install.sh installs Chromium). Prints "N passed, N failed".
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, checks } from './checks.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
execFileSync('bash', [path.join(root, 'test/e2e/install.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-report-'));
const out = path.join(tmp, 'report.html');
const { check, fail, summary } = checks();
let browser;
try {
  const run = spawnSync(
    process.execPath,
    [path.join(root, 'server/bin/sourcelint.js'), 'report', '--out', out, 'samples/'],
    { cwd: root, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`report exited ${run.status}: ${run.stderr}`);
  browser = await chromium.launch(CHROMIUM);
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = [];
  const requests = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(out).href);
  await check('loads with no console errors and no request beyond the file itself', async () => {
    if (errors.length) throw new Error(errors.join('; '));
    const external = requests.filter((u) => !u.startsWith('file:'));
    if (external.length) throw new Error(`requests: ${external.join(', ')}`);
  });
  await check('shows each document with its share of sourced claims and a strip', async () => {
    // One section per document with claims, as `sourcelint claims` lists them.
    const claims = spawnSync(
      process.execPath,
      [path.join(root, 'server/bin/sourcelint.js'), 'claims', '--format', 'json', 'samples/'],
      { cwd: root, encoding: 'utf8' },
    );
    const documents = new Set(JSON.parse(claims.stdout).map((c) => c.filePath)).size;
    const sections = await page.locator('section').count();
    if (documents < 2 || sections !== documents) throw new Error(`${sections} sections for ${documents} documents`);
    if ((await page.locator('section svg.strip rect').count()) < 20) throw new Error('no strip');
    if (!/% of \d+ claims cited or verified/.test(await page.locator('.share').first().innerText()))
      throw new Error('no share');
  });
  await check('the status filter shows only the chosen status', async () => {
    // Claim rows carry a status; the Sources tables' rows are not filtered.
    const total = await page.locator('tbody tr[data-status]').count();
    await page.selectOption('#status-filter', 'unsourced');
    const visible = page.locator('tbody tr[data-status]:not(.hidden)');
    const n = await visible.count();
    const statuses = new Set(await visible.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status'))));
    if (n === 0 || n === total || statuses.size !== 1 || !statuses.has('unsourced'))
      throw new Error(`${n} of ${total} shown: ${[...statuses]}`);
    if (!(await page.locator('#shown').innerText()).startsWith(`${n} of ${total}`))
      throw new Error('counter not updated');
    await page.selectOption('#status-filter', 'all');
    if ((await page.locator('tbody tr[data-status]:not(.hidden)').count()) !== total)
      throw new Error('"all" does not restore every row');
    await page.selectOption('#status-filter', 'unsourced');
    await page.screenshot({ path: path.join(root, 'docs/report.png') });
  });
} catch (e) {
  fail('the report runs', e);
} finally {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(summary() ? 1 : 0);
