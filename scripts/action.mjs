#!/usr/bin/env node
// The GitHub Action's step (action.yml): lints the Markdown files changed since INPUT_BASE_REF, reporting only
// changed lines, as annotations (format github) or a SARIF file (format sarif). Exits non-zero when there are errors
// (or more warnings than INPUT_MAX_WARNINGS), so the check fails. Plain Node and git: testable without GitHub.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// action.yml installs the published package and names its binary; without it, this checkout's (for tests).
const bin = process.env.SOURCELINT_BIN || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../server/bin/sourcelint.js');
const input = (name, fallback = '') => (process.env[`INPUT_${name}`] ?? '').trim() || fallback;
const base = input('BASE_REF');
const format = input('FORMAT', 'github');
const paths = input('PATHS', '.').split(/\s+/).filter(Boolean);
if (!['github', 'sarif'].includes(format)) {
  console.error(`sourcelint action: format must be github or sarif, not "${format}"`);
  process.exit(2);
}

const git = (...args) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const markdown = /\.(md|markdown|mdx|qmd|rmd)$/i;
let files;
if (base && !/^0+$/.test(base)) {
  const changed = git('diff', '--name-only', '--diff-filter=ACMR', base, '--', ...paths).split('\n').filter((f) => markdown.test(f));
  const untracked = git('ls-files', '--others', '--exclude-standard', '--', ...paths).split('\n').filter((f) => markdown.test(f));
  files = [...new Set([...changed, ...untracked])].filter((f) => fs.existsSync(f));
} else {
  files = paths;
}
if (files.length === 0) {
  console.log('sourcelint action: no changed Markdown files');
  process.exit(0);
}
const args = ['--format', format, '--max-warnings', input('MAX_WARNINGS', '-1')];
if (base && !/^0+$/.test(base)) args.push('--changed-since', base);
const run = spawnSync(process.execPath, [bin, ...args, ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (format === 'sarif') fs.writeFileSync(input('SARIF_FILE', 'sourcelint.sarif'), run.stdout);
else process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
process.exit(run.status ?? 2);
