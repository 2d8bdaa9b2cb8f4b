#!/usr/bin/env node
// The GitHub Action's step (action.yml): lints the Markdown files changed since INPUT_BASE_REF, reporting only
// changed lines, as annotations (format github) or a SARIF file (format sarif). Exits non-zero when there are errors
// (or more warnings than INPUT_MAX_WARNINGS), so the check fails. Plain Node and git: testable without GitHub.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// action.yml installs the published package and names its binary; without it, this checkout's (for tests).
const bin =
  process.env.SOURCELINT_BIN ||
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../server/bin/sourcelint.js');
const input = (name, fallback = '') => (process.env[`INPUT_${name}`] ?? '').trim() || fallback;
const base = input('BASE_REF');
const format = input('FORMAT', 'github');
const paths = input('PATHS', '.').split(/\s+/).filter(Boolean);
if (!['github', 'sarif'].includes(format)) {
  console.error(`sourcelint action: format must be github or sarif, not "${format}"`);
  process.exit(2);
}

const git = (...args) =>
  execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
const markdown = /\.(md|markdown|mdx|qmd|rmd)$/i;
// base-ref comes from the event or the workflow: a commit id or a plain ref name, never something git would read as
// an option (`--output=/path` makes `git diff` write a file).
const comparing = base && !/^0+$/.test(base);
if (comparing) {
  let valid = /^[\w][\w./@{}~^-]*$/.test(base) && !base.includes('..');
  try {
    if (valid) git('rev-parse', '--verify', '--quiet', '--end-of-options', `${base}^{commit}`);
  } catch {
    valid = false;
  }
  if (!valid) {
    console.error(`sourcelint action: base-ref ${JSON.stringify(base)} is not a commit of this repository`);
    process.exit(2);
  }
}
let files;
if (comparing) {
  // -z: names with tabs, quotes or non-ASCII letters come as they are, not quoted by git.
  const list = (...args) =>
    git(...args)
      .split('\0')
      .filter((f) => markdown.test(f));
  const changed = list('diff', '-z', '--name-only', '--diff-filter=ACMR', '--end-of-options', base, '--', ...paths);
  const untracked = list('ls-files', '-z', '--others', '--exclude-standard', '--', ...paths);
  files = [...new Set([...changed, ...untracked])].filter((f) => fs.existsSync(f));
} else {
  files = paths;
}
if (files.length === 0) {
  console.log('sourcelint action: no changed Markdown files');
  process.exit(0);
}
const maxWarnings = input('MAX_WARNINGS', '-1');
if (!/^-?\d+$/.test(maxWarnings)) {
  console.error(`sourcelint action: max-warnings must be a number, not ${JSON.stringify(maxWarnings)}`);
  process.exit(2);
}
const args = ['--format', format, '--max-warnings', maxWarnings];
if (comparing) args.push(`--changed-since=${base}`);
// `--`: a pull request may add a file named `--help=x.md`; after `--` it is a file name, never an option.
const run = spawnSync(process.execPath, [bin, ...args, '--', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (format === 'sarif') fs.writeFileSync(input('SARIF_FILE', 'sourcelint.sarif'), run.stdout);
else process.stdout.write(run.stdout);
// Text from the repository (file names, bibliography keys) must not become workflow commands: a line of ours never
// starts with "::" on stderr, so such a line is shown, not obeyed.
process.stderr.write(run.stderr.replace(/^(?=::)/gm, ' '));
process.exit(run.status ?? 2);
