/**
 * The reviewer's commands on long drafts: `sourcelint claims`, `sourcelint report`, hover on a claim and the Claims
 * view's request must grow linearly with the document (hover: not at all, it answers from the last lint). Each
 * check measures two sizes, four times apart, in the same run and compares them: linear work grows about 4×, the
 * quadratic look-ups this guards against grow 16×. No wall-clock limit: a busy machine slows both sizes alike. The
 * commands' growth is measured on their pipeline in this process (CPU time), and the binary is run once on a draft.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lint, LintCache } from 'sourcelint';
import { claimRows } from 'sourcelint/shared/checklist.js';
import { formatClaimsJson } from 'sourcelint/cli/formatters/claims.js';
import { formatReport } from 'sourcelint/cli/formatters/report.js';
import { sourcelint, tempDir } from './helpers/cli.js';
import { assertLinear } from './helpers/growth.js';
import { LspClient } from './helpers/lsp-client.js';

/** Linear growth is 4× for 4× the input; allow twice that for noise, far below the 16× of quadratic work. */
const MAX_GROWTH = 8;
const SMALL = 200;
const LARGE = SMALL * 4;

/**
 * A reviewed draft of `units` sections, each with what the reviewer's view indexes: a heading, figures (unsourced,
 * cited, verified, disputed), a link, a quotation, review marks and footnotes of its own. Six claims per section,
 * a dozen findings.
 */
function reviewedDraft(units: number): string {
  const parts: string[] = ['# A long reviewed draft', ''];
  const notes: string[] = [];
  for (let i = 0; i < units; i++) {
    parts.push(
      `## Section ${i}`,
      '',
      `Aid fell by ${10 + (i % 80)}% in 2022.[^a${i}] Exports rose by ${i + 3} million dollars. <!-- verified: customs table ${i} -->`,
      `Prices rose ${i % 9}%, ${(i % 7) + 2}% and ${(i % 5) + 3}% in ${i + 12} towns, [the ministry said](https://example.org/${i}). The minister said "we will rebuild every road and bridge" on Monday.`,
      `Imports of grain fell by ${i % 50}% after ${i + 4} floods. <!-- disputed: the port data says otherwise -->`,
      `Rates were ${Array.from({ length: 12 }, (_, k) => `${k + 1}.${i % 10}%`).join(', ')} and ${i % 90}% across the region.`,
      '',
    );
    notes.push(`[^a${i}]: Statistics office, bulletin ${i}, https://example.org/stats/${i}.`);
  }
  return [...parts, ...notes, ''].join('\n');
}
const CLAIMS_PER_UNIT = 6;

describe('reviewer commands grow linearly with the draft', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = tempDir({ 'small.md': reviewedDraft(SMALL) }));
  });
  after(() => cleanup());

  /**
   * What `sourcelint claims` and `sourcelint report` do with one file once read (as lint-file.ts does): in this
   * process, so its CPU time can be measured.
   */
  const rows = (text: string) =>
    claimRows(lint(text, { filePath: path.join(dir, 'x.md'), cache: new LintCache() }), path.join(dir, 'x.md'));
  const pipeline = {
    claims: (text: string) => formatClaimsJson(rows(text)),
    report: (text: string) => formatReport(rows(text), [path.join(dir, 'x.md')], dir, 'test'),
  };

  for (const [name, args] of [
    ['claims', (file: string) => ['claims', '--format', 'json', file]],
    ['report', (file: string) => ['report', '--out', `${file}.html`, file]],
  ] as const) {
    test(`sourcelint ${name}: every claim listed by the binary; 4× the draft takes at most ${MAX_GROWTH}× the CPU time`, (t) => {
      const r = sourcelint(args('small.md'), { cwd: dir, timeoutMs: 300_000 });
      assert.equal(r.status, 0, `${name}: exit ${r.status}: ${r.stderr.slice(0, 500)}`);
      if (name === 'claims') {
        const claims = JSON.parse(r.stdout) as Array<{ status: string; section: string }>;
        assert.equal(claims.length, SMALL * CLAIMS_PER_UNIT, 'claims');
        assert.equal(claims.filter((c) => c.status === 'disputed').length, SMALL, 'one disputed claim per section');
        assert.equal(claims.at(-1)!.section, `Section ${SMALL - 1}`, "the last claim's section");
      } else {
        assert.match(
          fs.readFileSync(path.join(dir, 'small.md.html'), 'utf8'),
          new RegExp(`<p>${SMALL * CLAIMS_PER_UNIT} claims in 1 document`),
        );
      }
      // The growth of the same work, measured in this process (CPU time, so a busy machine slows both sizes alike).
      const ratio = assertLinear(`${name} pipeline`, reviewedDraft, pipeline[name], SMALL / 2, 4, MAX_GROWTH);
      t.diagnostic(`${name}: 4× the sections, ${ratio.toFixed(2)}× the CPU time`);
    });
  }
});

describe('the editor answers reviewers from the last lint', () => {
  let client: LspClient;
  let folder: string;
  const uri = (name: string) => pathToFileURL(path.join(folder, name)).href;
  const texts: Record<string, string> = {};

  before(async () => {
    folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-review-growth-')));
    client = new LspClient();
    await client.initialize(folder);
    for (const [name, units] of [
      ['small.md', SMALL],
      ['large.md', LARGE],
    ] as const) {
      texts[name] = reviewedDraft(units);
      const published = client.waitFor(
        (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri(name),
        120_000,
      );
      client.notify('textDocument/didOpen', {
        textDocument: { uri: uri(name), languageId: 'markdown', version: 1, text: texts[name] },
      });
      await published;
    }
  });
  after(async () => {
    await client.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Positions of the "Imports of grain" claims, spread over the whole document. */
  function claimPositions(name: string, count: number): Array<{ line: number; character: number }> {
    const lines = texts[name].split('\n');
    const at = lines.flatMap((l, i) => (l.startsWith('Imports of grain') ? [i] : []));
    return Array.from({ length: count }, (_, k) => ({
      line: at[Math.floor((k * (at.length - 1)) / Math.max(1, count - 1))],
      character: 3,
    }));
  }

  /**
   * The server's CPU milliseconds so far: utime + stime of /proc/PID/stat, in clock ticks of 10 ms (so each measured
   * batch repeats its requests until it is far longer than a tick). CPU time, not the time to answer: a busy machine
   * delays answers, not the work the server does for them.
   */
  const serverCpuMs = (): number => {
    const fields = fs
      .readFileSync(`/proc/${client.pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  /**
   * The server's CPU time for `batch(name)` on both drafts: the lesser of two samples each, up to five while over the
   * bound.
   */
  async function serverGrowth(
    batch: (name: string) => Promise<void>,
  ): Promise<{ small: number; large: number; ratio: number }> {
    const cpu = async (name: string): Promise<number> => {
      const before = serverCpuMs();
      await batch(name);
      return serverCpuMs() - before;
    };
    await batch('small.md');
    await batch('large.md');
    let small = Infinity;
    let large = Infinity;
    for (let i = 0; i < 5; i++) {
      large = Math.min(large, await cpu('large.md'));
      small = Math.min(small, await cpu('small.md'));
      if (i >= 1 && large / Math.max(small, 10) <= MAX_GROWTH) break;
    }
    return { small, large, ratio: large / Math.max(small, 10) };
  }

  test(`hover on claims: the 4× draft costs the server at most ${MAX_GROWTH}× the CPU time (it looks the claim up in the last lint)`, async (t) => {
    const g = await serverGrowth(async (name) => {
      for (let round = 0; round < 10; round++) {
        const hovers = await Promise.all(
          claimPositions(name, 20).map((position) =>
            client.request<{ contents: { value: string } } | null>('textDocument/hover', {
              textDocument: { uri: uri(name) },
              position,
            }),
          ),
        );
        for (const h of hovers)
          assert.match(
            h?.contents.value ?? '',
            /\*\*Claim: disputed\*\*[\s\S]*Review note: the port data says otherwise/,
          );
      }
    });
    t.diagnostic(
      `200 hovers: ${SMALL} sections ${g.small} ms, ${LARGE} sections ${g.large} ms of server CPU, growth ${g.ratio.toFixed(2)}×`,
    );
    assert.ok(g.ratio <= MAX_GROWTH, `hover on 4× the draft took ${g.ratio.toFixed(1)}× the CPU time`);
  });

  test(`the Claims view's request: 4× the draft costs the server at most ${MAX_GROWTH}× the CPU time, every claim listed`, async (t) => {
    const units = { 'small.md': SMALL, 'large.md': LARGE } as Record<string, number>;
    const g = await serverGrowth(async (name) => {
      for (let round = 0; round < 8; round++) {
        const claims = await client.request<Array<{ status: string; markOffset: number }>>('sourcelint/claims', {
          uri: uri(name),
        });
        assert.equal(claims.length, units[name] * CLAIMS_PER_UNIT);
        assert.equal(claims.filter((c) => c.status === 'verified').length, units[name]);
      }
    });
    t.diagnostic(
      `8 × sourcelint/claims: ${SMALL} sections ${g.small} ms, ${LARGE} sections ${g.large} ms of server CPU, growth ${g.ratio.toFixed(2)}×`,
    );
    assert.ok(
      g.ratio <= MAX_GROWTH,
      `the Claims view's request on 4× the draft took ${g.ratio.toFixed(1)}× the CPU time`,
    );
  });
});
