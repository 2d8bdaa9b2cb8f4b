/**
 * Checking claims against saved sources, end to end (issue #10): a sources folder with a generated PDF (pages kept), an
 * HTML page with boilerplate around the article, a plain-text copy found through index.json by URL; drafts whose
 * figures and quotations are right, rounded, reformatted, split by ellipses, or wrong. Through the real CLI (lint,
 * claims, report) and the real language server (hover).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseJson, sourcelint, tempDir } from './helpers/cli.js';
import { LspClient } from './helpers/lsp-client.js';
import { makePdf } from './helpers/pdf.js';
import { fixtureSources } from './helpers/source-copies.js';

const fixture = (name: string): string => fs.readFileSync(path.join(fixtureSources(), name), 'utf8');
/** A line cut in two at a space near its middle, so that it fits the PDF page's width. */
const fitLine = (line: string): string[] => {
  if (line.length <= 80) return [line];
  const at = line.indexOf(' ', line.length / 2);
  return at < 0 ? [line] : [line.slice(0, at), line.slice(at + 1)];
};
/**
 * The assessment as a PDF: one PDF page per form-feed page of the text fixture, its lines (and "every-" at a line end)
 * kept.
 */
const assessmentPdf = (): Promise<Buffer> =>
  makePdf(
    fixture('lakeregion2025.txt')
      .split('\f')
      .map((page) => page.split('\n').flatMap(fitLine)),
  );
const interviewHtml = (): string => `<!doctype html><html><head><title>Interview</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
<header><p>Border Monitor — independent reporting</p></header>
<main><article><h1>At the crossing: a driver's account</h1>
${fixture('3.txt')
  .split(/\n\n+/)
  .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
  .join('\n')}
</article></main>
<footer><p>Sign up for our newsletter. Follow us. Privacy policy. Cookie settings.</p></footer></body></html>`;
const MINISTRY = 'https://example.org/ministry-statement';

const RIGHT = [
  'Acute food insecurity affected 9.7% of households [@lakeregion2025].',
  'About 10 percent of households faced acute food insecurity [@lakeregion2025].',
  'Nearly 2.5 million people had been displaced by then [@lakeregion2025].',
  'Humanitarian funding reached $100m in 2024 [@lakeregion2025].',
  'Farouk said “we are no longer talking about a lean season … the families who stayed have sold everything they could sell” [@lakeregion2025].',
  'A driver said trucks waited “eleven days — eleven days! — with medicine that was already expiring.”[^3] One in five trucks was turned back.[^3]',
  `The deficit narrowed to 4.2% of GDP, and the minister promised to “restore the confidence of investors” ([statement](${MINISTRY})).`,
  'Grain stocks ran out in 2024 [@granary2025].',
];
const WRONG = [
  'Acute food insecurity affected 12% of households [@lakeregion2025].',
  'Farouk said: “We are no longer talking about a lean year.” [@lakeregion2025]',
  `Public debt stood at 65.1% of GDP ([statement](${MINISTRY})).`,
  'Drivers said “nobody in the government wanted to sign the papers”.[^3]',
];
const draft = (lines: readonly string[]): string =>
  `${lines.join('\n\n')}\n\n[^3]: Interview with a driver, June 2025.\n`;

describe('checking claims against saved sources, through the CLI and the language server', () => {
  let dir = '';
  let cleanup = () => {};
  const env = (): Record<string, string> => ({ SOURCELINT_CACHE_DIR: path.join(dir, '.cache') });
  before(async () => {
    ({ dir, cleanup } = tempDir({
      'right.md': draft(RIGHT),
      'wrong.md': draft(WRONG),
      'sources/lakeregion2025.pdf': await assessmentPdf(),
      'sources/3.html': interviewHtml(),
      'sources/statements/ministry.txt': fixture('ministry-statement.txt'),
      'sources/index.json': JSON.stringify({
        sources: [{ url: MINISTRY, file: 'statements/ministry.txt', status: 200, contentType: 'text/plain' }],
      }),
    }));
  });
  after(() => cleanup());

  const evidenceFindings = (file: string) => {
    const r = sourcelint(['--format', 'json', file], { cwd: dir, env: env() });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    return parseJson(r.stdout)[0].messages.filter((m) => m.ruleId.endsWith('-not-in-source'));
  };

  test('every right figure and quotation passes', () => {
    assert.deepEqual(evidenceFindings('right.md'), []);
  });

  test('every wrong one is reported, with the nearest figure or the closest passage and its page', () => {
    const found = evidenceFindings('wrong.md').map((m) => [m.line, m.ruleId, m.message]);
    assert.equal(found.length, 4, JSON.stringify(found, null, 1));
    assert.deepEqual(found[0].slice(0, 2), [1, 'figure-not-in-source']);
    assert.match(found[0][2] as string, /"12%" is not in the cited source: the source gives 9\.7 per cent \(p\. 2\)/);
    assert.deepEqual(found[1].slice(0, 2), [3, 'quote-not-in-source']);
    assert.match(
      found[1][2] as string,
      /closest passage, in the source \(p\. 3\): ".*no longer talking about a lean season/,
    );
    assert.deepEqual(found[2].slice(0, 2), [5, 'figure-not-in-source']);
    assert.match(found[2][2] as string, /gives 61\.5 per cent\.$/);
    assert.deepEqual(found[3].slice(0, 2), [7, 'quote-not-in-source']);
    assert.match(
      found[3][2] as string,
      /closest passage, in the source: ".*Nobody in the capital wanted to sign the papers/,
    );
  });

  test('claims: the evidence column, and sources with no saved copy', () => {
    const json = sourcelint(['claims', '--format', 'json', 'right.md'], { cwd: dir, env: env() });
    assert.equal(json.status, 0, json.stderr);
    const claims = JSON.parse(json.stdout) as Array<{
      text: string;
      evidence?: { file: string; page: number; passage: string };
      citations: Array<{ copy?: unknown }>;
    }>;
    const first = claims[0];
    assert.equal(first.evidence?.file, path.join(dir, 'sources/lakeregion2025.pdf'));
    assert.equal(first.evidence?.page, 2);
    // A PDF's text has no blank lines: the heading above the paragraph comes with it.
    assert.match(
      first.evidence!.passage,
      /^(2\. Findings )?Acute food insecurity affected 9\.7 per cent of households/,
    );
    const driver = claims.find((c) => c.text.startsWith('A driver said'))!;
    assert.match(driver.evidence!.passage, /trucks waiting for eleven days/);
    assert.equal(driver.evidence!.file, path.join(dir, 'sources/3.html'));
    const grain = claims.find((c) => c.text.startsWith('Grain stocks'))!;
    assert.equal(grain.evidence, undefined);
    assert.deepEqual(
      grain.citations.map((c) => c.copy),
      [{ missing: true }],
    );
    const csv = sourcelint(['claims', '--format', 'csv', 'right.md'], { cwd: dir, env: env() });
    assert.match(csv.stdout.split('\n')[0], /,evidence$/);
    assert.match(
      csv.stdout,
      /lakeregion2025\.pdf, p\. 2: “(2\. Findings )?Acute food insecurity affected 9\.7 per cent/,
    );
    assert.match(csv.stdout, /no saved copy of @granary2025/);
    const md = sourcelint(['claims', 'right.md'], { cwd: dir, env: env() });
    assert.match(md.stdout, /— evidence: ministry\.txt, p\. 1: “.*4\.2% of GDP/);
  });

  test('the HTML report shows the evidence next to each claim', () => {
    const out = path.join(dir, 'review.html');
    const r = sourcelint(['report', '--out', out, 'right.md'], { cwd: dir, env: env() });
    assert.equal(r.status, 0, r.stderr);
    const html = fs.readFileSync(out, 'utf8');
    assert.match(
      html,
      /<td class="evidence">lakeregion2025\.pdf, p\. 2: “(2\. Findings )?Acute food insecurity affected 9\.7 per cent/,
    );
    assert.match(html, /<td class="evidence">no saved copy of @granary2025<\/td>/);
  });

  test('hover on a cited claim shows its evidence once the copies are ready', async () => {
    const client = new LspClient();
    try {
      await client.initialize(dir);
      const file = path.join(dir, 'right.md');
      const uri = pathToFileURL(file).href;
      const ready = client.waitFor(
        (m) =>
          m.method === 'window/logMessage' &&
          / saved source cop(y|ies) ready /.test((m.params as { message: string }).message),
        60_000,
      );
      client.notify('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text: fs.readFileSync(file, 'utf8') },
      });
      await ready;
      const hover = (await client.request('textDocument/hover', {
        textDocument: { uri },
        position: { line: 0, character: 10 },
      })) as { contents: { value: string } };
      assert.match(
        hover.contents.value,
        /Evidence \(lakeregion2025\.pdf, p\. 2\):\n\n> (2\. Findings )?Acute food insecurity affected 9\.7 per cent of households/,
      );
    } finally {
      await client.close();
    }
  });
});
