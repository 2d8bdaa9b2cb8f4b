/** `sourcelint sources` and the sources configuration, through the real binary. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseJson, sourcelint, stderrLines, tempDir } from './helpers/cli.js';

const DRAFT = [
  'Instructors arrived in Mali in 2021 ([RT](https://francais.rt.com/afrique/1)).',
  'The army confirmed it in 2022 ([Reuters](https://www.reuters.com/world/a)).',
  'The ministry said 1000 instructors came ([Reuters](https://www.reuters.com/world/b); [TASS](https://tass.com/c)).',
  'A channel posted a video of the base in 2022 ([post](https://t.me/chan/9)).',
  '',
].join('\n');

test('sources: markdown lists each source with status, claims and first use, under a summary line', () => {
  const { dir, cleanup } = tempDir({ 'draft.md': DRAFT });
  try {
    const r = sourcelint(['sources', 'draft.md'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(
      lines[0],
      '### draft.md — 4 sources, 1 deprecated, 1 with no consensus, 1 link that is not a source, 3 claims rest on a single source',
    );
    assert.deepEqual(lines.slice(4, 8), [
      '| RT | francais.rt.com | deprecated | 1 | 1 | 1:38 |',
      '| Reuters | reuters.com | generally reliable | 2 | 2 | 2:32 |',
      '| TASS | tass.com | no consensus on reliability | 1 | 1 | 3:86 |',
      '| Telegram | t.me | social-media post | 1 | 1 | 4:47 |',
    ]);
    assert.match(r.stdout, /Ratings: Wikipedia's perennial sources list, 2021-03-17\./);
  } finally {
    cleanup();
  }
});

test('sources: json and csv carry the same rows; a bad format is a usage error', () => {
  const { dir, cleanup } = tempDir({ 'draft.md': DRAFT });
  try {
    const json = JSON.parse(sourcelint(['sources', '--format', 'json', 'draft.md'], { cwd: dir }).stdout) as Array<{
      filePath: string;
      summary: { sources: number; singleSource: number; byStatus: Record<string, number> };
      sources: Array<{
        name: string;
        status: string;
        claims: number;
        uses: number;
        line: number;
        column: number;
        list?: string;
      }>;
    }>;
    assert.equal(json.length, 1);
    assert.deepEqual(json[0].summary.byStatus, { deprecated: 1, reliable: 1, 'no-consensus': 1, 'not-a-source': 1 });
    assert.deepEqual(
      json[0].sources.map((s) => [s.name, s.status, s.claims, s.uses, s.line, s.column]),
      [
        ['RT', 'deprecated', 1, 1, 1, 38],
        ['Reuters', 'reliable', 2, 2, 2, 32],
        ['TASS', 'no-consensus', 1, 1, 3, 86],
        ['Telegram', 'not-a-source', 1, 1, 4, 47],
      ],
    );
    const csv = sourcelint(['sources', '--format', 'csv', 'draft.md'], { cwd: dir }).stdout.trim().split('\n');
    assert.equal(csv[0], 'file,source,domain,status,detail,claims,citations,line,column,reason,rating');
    assert.equal(csv.length, 5);
    assert.match(
      csv[1],
      /^draft\.md,RT,francais\.rt\.com,deprecated,deprecated,1,1,1,38,.+,"Wikipedia's perennial sources list, 2021-03-17"$/,
    );
    const bad = sourcelint(['sources', '--format', 'sarif', 'draft.md'], { cwd: dir });
    assert.equal(bad.status, 2);
    assert.deepEqual(stderrLines(bad.stderr), [
      'sourcelint: unknown format "sarif" for sources (use markdown, csv, json)',
    ]);
  } finally {
    cleanup();
  }
});

test('sources configuration: ratings and lists apply; a broken list is one line on stderr; a bad key exits 2', () => {
  const { dir, cleanup } = tempDir({
    'draft.md': DRAFT,
    'house.json': JSON.stringify({
      title: 'House list',
      sources: [{ name: 'Telegram channel 9', domains: ['t.me/chan'], status: 'unreliable', reason: 'anonymous' }],
    }),
    '.sourcelintrc.json': JSON.stringify({
      sources: {
        ratings: { 'rt.com': 'no-consensus' },
        lists: ['house.json', 'missing.json'],
        severity: { unreliable: 'error' },
      },
    }),
  });
  try {
    const r = sourcelint(['--format', 'json', 'draft.md'], { cwd: dir });
    assert.equal(r.status, 1, 'an unreliable source at error fails the run');
    const messages = parseJson(r.stdout)[0].messages.filter((m) => m.ruleId === 'unreliable-source');
    assert.deepEqual(
      messages.map((m) => [m.line, m.severity]),
      [
        [1, 1],
        [3, 1],
        [4, 2],
      ],
    );
    assert.match(
      messages[2].message,
      /^Telegram channel 9 \(t\.me\): generally unreliable\. Anonymous\..*\(rating: House list\)$/,
    );
    assert.equal(stderrLines(r.stderr).length, 1, r.stderr);
    assert.match(r.stderr, /^sourcelint: .*missing\.json:1: cannot read source list \(ENOENT\)\n$/);
    fs.writeFileSync(
      path.join(dir, '.sourcelintrc.json'),
      JSON.stringify({ sources: { ratings: { 'rt.com': 'fine' } } }),
    );
    const bad = sourcelint(['draft.md'], { cwd: dir });
    assert.equal(bad.status, 2);
    assert.match(stderrLines(bad.stderr)[0], /\.sourcelintrc\.json: "sources\.ratings\.rt\.com" must/);
  } finally {
    cleanup();
  }
});
