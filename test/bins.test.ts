/**
 * What the installed bins run (server/bin/entry.js): the bundle (server/out/bundle, built by `npm run build`, `npm
 * test` and `npm pack`) with the lexicon index compiled for it, unless `tsc -b` has rebuilt the compiled tree since,
 * and the compiled tree when there is no bundle. Each case runs the real bins from a copy of server/ whose out/bundle
 * and tsconfig.tsbuildinfo the test can change without touching the checkout.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspClient } from './helpers/lsp-client.js';

const SERVER = fileURLToPath(new URL('../../server/', import.meta.url));
const LOADED = 'Costs skyrocketed last year.\n';

interface Layout {
  /** Changes the bundle's compiled lexicon index before the run. */
  bundleIndex?: (index: { key: string; lexicons: Record<string, { entries: unknown[] }> }) => void;
  /** tsc has rebuilt the compiled tree after the bundle was made. */
  treeNewer?: boolean;
  withoutBundle?: boolean;
  /** The run records V8 coverage (as under c8); otherwise the bins run without it, whatever runs the tests. */
  coverage?: boolean;
}

function environment(layout: Layout, root: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  if (layout.coverage) env.NODE_V8_COVERAGE = path.join(root, 'coverage');
  // Empty, not deleted: Node hands its own NODE_V8_COVERAGE to a child whose environment has none.
  else env.NODE_V8_COVERAGE = '';
  return env;
}

/** A copy of server/ (bins, bundle, package.json) whose compiled tree, data and schema are links to the checkout's. */
function serverCopy(layout: Layout): { root: string; cleanup: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-bins-'));
  fs.cpSync(path.join(SERVER, 'bin'), path.join(root, 'bin'), { recursive: true });
  fs.copyFileSync(path.join(SERVER, 'package.json'), path.join(root, 'package.json'));
  for (const dir of ['data', 'schema']) fs.symlinkSync(path.join(SERVER, dir), path.join(root, dir));
  fs.mkdirSync(path.join(root, 'out'));
  for (const dir of fs.readdirSync(path.join(SERVER, 'out')).filter((d) => d !== 'bundle'))
    fs.symlinkSync(path.join(SERVER, 'out', dir), path.join(root, 'out', dir));
  const bundle = path.join(root, 'out/bundle');
  const info = path.join(root, 'tsconfig.tsbuildinfo');
  fs.writeFileSync(info, '{}');
  if (!layout.withoutBundle) {
    fs.cpSync(path.join(SERVER, 'out/bundle'), bundle, { recursive: true });
    const indexFile = path.join(bundle, 'lexicons.compiled.json');
    const index = JSON.parse(fs.readFileSync(indexFile, 'utf8'));
    layout.bundleIndex?.(index);
    fs.writeFileSync(indexFile, JSON.stringify(index));
    // A second apart: file systems with coarse timestamps still order them.
    const bundleTime = Date.now() / 1000;
    fs.utimesSync(path.join(bundle, 'cli.js'), bundleTime, bundleTime);
    fs.utimesSync(path.join(bundle, 'language-server.js'), bundleTime, bundleTime);
    const infoTime = bundleTime + (layout.treeNewer ? 1 : -1);
    fs.utimesSync(info, infoTime, infoTime);
  }
  return { root, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** The rule ids `sourcelint --stdin` reports for LOADED, run through the copy's bin. */
function ruleIds(layout: Layout): string[] {
  const { root, cleanup } = serverCopy(layout);
  try {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/sourcelint.js'), '--stdin', '--format', 'json'], {
      input: LOADED,
      encoding: 'utf8',
      env: environment(layout, root),
    });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    return (JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string }> }>)[0].messages.map((m) => m.ruleId);
  } finally {
    cleanup();
  }
}

/** A bundle index that the bundle would trust (its key is right) but whose loaded-term lexicon is empty. */
const emptiedLoadedTerms: Layout['bundleIndex'] = (index) => {
  index.lexicons['loaded-term'].entries = [];
};

describe('the bins', () => {
  test('the bundle runs, and reads the lexicon index compiled for it instead of compiling the lexicons', () => {
    assert.ok(ruleIds({}).includes('loaded-term'), 'the untouched bundle finds the loaded term');
    assert.ok(!ruleIds({ bundleIndex: emptiedLoadedTerms }).includes('loaded-term'), 'its index was used');
  });

  test('a bundle index made from other data or by another compiler (its key differs) is ignored', () => {
    const ids = ruleIds({
      bundleIndex: (index) => {
        emptiedLoadedTerms(index);
        index.key = 'stale';
      },
    });
    assert.ok(ids.includes('loaded-term'), JSON.stringify(ids));
  });

  test('after tsc rebuilt the compiled tree, without a bundle, or recording coverage, the compiled tree runs', () => {
    assert.ok(ruleIds({ bundleIndex: emptiedLoadedTerms, treeNewer: true }).includes('loaded-term'));
    assert.ok(ruleIds({ withoutBundle: true }).includes('loaded-term'));
    assert.ok(ruleIds({ bundleIndex: emptiedLoadedTerms, coverage: true }).includes('loaded-term'));
  });

  test('the language server bin runs the bundle and its index too', async () => {
    for (const [bundleIndex, expected] of [
      [undefined, true],
      [emptiedLoadedTerms, false],
    ] as const) {
      const { root, cleanup } = serverCopy({ bundleIndex });
      const client = new LspClient(path.join(root, 'bin/sourcelint-language-server.js'), root, environment({}, root));
      try {
        await client.initialize(root);
        const uri = pathToFileURL(path.join(root, 'draft.md')).href;
        const published = client.diagnosticsFor(uri);
        client.notify('textDocument/didOpen', {
          textDocument: { uri, languageId: 'markdown', version: 1, text: LOADED },
        });
        const rules = (await published).map((d) => d.code);
        assert.equal(rules.includes('loaded-term'), expected, JSON.stringify(rules));
      } finally {
        await client.close();
        cleanup();
      }
    }
  });
});
