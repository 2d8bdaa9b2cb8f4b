/**
 * Issue 13, fixes that corrupted drafts: each reproducer, then the fix properties (helpers/fix-properties.ts) on
 * the samples and fixtures in every dress (LF/CRLF, BOM, front matter).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addFootnote,
  applyEdits,
  disableInFile,
  disableLine,
  fixAllToStable,
  lint,
  type LintOptions,
} from 'sourcelint';
import { checkFixProperties, variants } from './helpers/fix-properties.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OPTIONS = { filePath: '/virtual/draft.md' };
const fixAll = (text: string, options: LintOptions = OPTIONS): string =>
  applyEdits(text, fixAllToStable(lint(text, options)));
const findings = (text: string, rule: string): string[] =>
  lint(text, OPTIONS)
    .findings.filter((f) => f.ruleId === rule)
    .map((f) => text.slice(f.span.start, f.span.end));
/** Each footnote reference's label and the text of the definition it points to, in order. */
function citations(text: string): Array<[string, string]> {
  const parsed = lint(text, OPTIONS).document.parsed;
  const defs = new Map<string, string>();
  for (const d of parsed.footnotes) if (!defs.has(d.id)) defs.set(d.id, d.content);
  return parsed.blocks.flatMap((b) =>
    b.footnoteRefs.map((r): [string, string] => [r.id, defs.get(r.id) ?? '(undefined)']),
  );
}

describe('fixes that corrupted text', () => {
  test('7. renumbering with unused-footnote disabled keeps every label unique and every citation on its note', () => {
    const text =
      'First claim.[^2] Second claim.[^3]\n\n[^1]: Kept, though unused.\n[^2]: Note two.\n[^3]: Note three.\n';
    const options = { ...OPTIONS, ruleOverrides: new Map([['unused-footnote', 'off' as const]]) };
    const fixed = fixAll(text, options);
    const labels = lint(fixed, options).document.parsed.footnotes.map((f) => f.id);
    assert.equal(new Set(labels).size, labels.length, `duplicate definitions:\n${fixed}`);
    assert.deepEqual(
      citations(fixed).map(([, note]) => note),
      ['Note two.', 'Note three.'],
      fixed,
    );
    assert.deepEqual(fixAllToStable(lint(fixed, options)), [], 'a second fix-all changes nothing');
    // With the rule on, the unused note goes and the others are renumbered from 1.
    assert.equal(fixAll(text), 'First claim.[^1] Second claim.[^2]\n\n[^1]: Note two.\n[^2]: Note three.\n');
  });

  test('8. "disable for this file" after CRLF front matter keeps the front matter and disables the rule', () => {
    const text = '---\r\ntitle: "Aid"\r\n---\r\n\r\nAid fell by 40% in 2022.\r\n';
    const edit = disableInFile(lint(text, OPTIONS).document, 'unsourced-statistic');
    const fixed = applyEdits(text, [edit]);
    assert.equal(
      fixed,
      '---\r\ntitle: "Aid"\r\n---\r\n<!-- sourcelint-disable-file unsourced-statistic -->\r\n\r\nAid fell by 40% in 2022.\r\n',
    );
    assert.deepEqual(lint(fixed, OPTIONS).document.frontMatter?.data, { title: 'Aid' });
    assert.deepEqual(findings(fixed, 'unsourced-statistic'), []);
  });

  test('9. "disable for this line" inside a paragraph or a table row keeps the paragraph and the table whole', () => {
    const paragraph = 'Officials met in Bamako.\nAid fell by 40% in 2022.\nTalks went on.\n';
    const table = '| Year | Aid |\n| --- | --- |\n| 2022 | skyrocketed |\n| 2023 | skyrocketed |\n';
    const heading = '## Aid skyrocketed ##\n\nAid skyrocketed.\n';
    const hardBreak = 'Aid fell by 40%\\\nin 2022.\n';
    for (const text of [paragraph, table, heading, hardBreak]) {
      const before = lint(text, OPTIONS);
      const target = before.findings[0];
      const fixed = applyEdits(text, [disableLine(before.document, target.span.start, target.ruleId)!]);
      const after = lint(fixed, OPTIONS);
      assert.deepEqual(
        after.document.parsed.blocks.map((b) => b.kind),
        before.document.parsed.blocks.map((b) => b.kind),
        fixed,
      );
      assert.equal(
        findings(fixed, target.ruleId).length,
        findings(text, target.ruleId).length - 1,
        `only that line:\n${fixed}`,
      );
    }
    assert.match(
      applyEdits(table, [disableLine(lint(table, OPTIONS).document, table.indexOf('skyrocketed'), 'loaded-term')!]),
      /\| 2022 \| skyrocketed <!-- sourcelint-disable-line loaded-term --> \|\n/,
    );
    assert.equal(
      applyEdits(heading, [disableLine(lint(heading, OPTIONS).document, 5, 'loaded-term')!]),
      '## Aid skyrocketed <!-- sourcelint-disable-line loaded-term --> ##\n\nAid skyrocketed.\n',
    );
    assert.equal(
      applyEdits(hardBreak, [disableLine(lint(hardBreak, OPTIONS).document, 12, 'unsourced-statistic')!]),
      'Aid fell by 40% <!-- sourcelint-disable-line unsourced-statistic -->\\\nin 2022.\n',
    );
  });

  test('10. the bare-URL fix keeps balanced parentheses, resolves escapes, and never doubles brackets', () => {
    const cases: Array<[string, string]> = [
      [
        'See https://en.wikipedia.org/wiki/Bamako_(city) for more.\n',
        'See <https://en.wikipedia.org/wiki/Bamako_(city)> for more.\n',
      ],
      ['See (https://example.org/a) for more.\n', 'See (<https://example.org/a>) for more.\n'],
      ['See \\<https://example.org/a> for more.\n', 'See <https://example.org/a> for more.\n'],
      ['See https://example.org/a\\_b for more.\n', 'See <https://example.org/a_b> for more.\n'],
      ['See www.example.org/x for more.\n', 'See <https://www.example.org/x> for more.\n'],
    ];
    for (const [text, expected] of cases) {
      assert.equal(fixAll(text), expected);
      assert.deepEqual(findings(expected, 'bare-url'), []);
    }
  });

  test('11. fix-all with a bare URL inside an unused footnote: no overlapping edits, and nothing left to fix', () => {
    const text = 'A claim.[^1]\n\n[^1]: Used.\n[^2]: Unused, see https://example.org/x here.\n';
    const edits = fixAllToStable(lint(text, OPTIONS));
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++)
      assert.ok(sorted[i - 1].end <= sorted[i].start, `overlap: ${JSON.stringify(sorted)}`);
    assert.equal(applyEdits(text, edits), 'A claim.[^1]\n\n[^1]: Used.\n');
  });

  test('12. a leading byte-order mark hides no comment and shifts no fix', () => {
    const text = '\ufeffAid fell by 40% in 2022. <!-- sourcelint-disable-line -->\n\nSee https://example.org/x now.\n';
    assert.deepEqual(findings(text, 'unsourced-statistic'), []);
    assert.equal(
      fixAll(text),
      '\ufeffAid fell by 40% in 2022. <!-- sourcelint-disable-line -->\n\nSee <https://example.org/x> now.\n',
    );
    const marked = '\ufeffAid fell by 40% in 2022. <!-- verified: checked the report -->\n';
    assert.equal(lint(marked, OPTIONS).document.reviewMarks.length, 1);
    const file = disableInFile(lint('\ufeffAid fell by 40%.\n', OPTIONS).document, 'unsourced-statistic');
    assert.equal(file.start, 1, 'after the byte-order mark, not before it');
  });

  test('13. "add footnote" in a draft that ends inside an unclosed code fence defines the footnote', () => {
    for (const tail of ['```\nconst x = 1;\n', '~~~\ncode', '<!-- an unclosed comment\n']) {
      const text = `Aid fell by 40% in 2022.\n\n${tail}`;
      const result = lint(text, OPTIONS);
      const stat = result.findings.find((f) => f.ruleId === 'unsourced-statistic')!;
      const { reference, definition, label } = addFootnote(result.document, stat.data!.sentence!)!;
      const fixed = applyEdits(text, [reference, definition]);
      const after = lint(fixed, OPTIONS);
      assert.ok(
        after.document.parsed.footnotes.some((f) => f.id === label),
        `[^${label}] not defined:\n${fixed}`,
      );
      assert.deepEqual(findings(fixed, 'undefined-footnote'), [], fixed);
      assert.ok(fixed.endsWith(tail), 'the code block is left as it was');
    }
  });
});

describe('fix-property violations found by `npm run fuzz -- --seed 7`, minimised', () => {
  test('"add footnote" is not offered for a sentence on the line of an HTML block opener, where [^n] stays raw HTML', () => {
    for (const text of ['<!-- note -->Aid fell by 5% in 2022.\n', '<!d>Aid fell by 5% in 2022.\n', '<!---->5%\n']) {
      const result = lint(text, OPTIONS);
      const stat = result.findings.find((f) => f.ruleId === 'unsourced-statistic');
      assert.ok(stat, `the figure is still flagged: ${text}`);
      assert.equal(addFootnote(result.document, stat.data!.sentence!), undefined, text);
    }
    const prose = 'Aid fell by 5% in 2022.\n';
    assert.equal(
      addFootnote(lint(prose, OPTIONS).document, { start: 0, end: prose.length - 1 })?.reference.text,
      '[^1]',
    );
  });

  test('"disable for this line" is not offered inside a directive comment that closes on a later line', () => {
    const split = '<!--sourcelint-disable nosuch\n-->\n\nAid fell.\n';
    const finding = lint(split, OPTIONS).findings.find((f) => f.ruleId === 'invalid-directive')!;
    assert.equal(disableLine(lint(split, OPTIONS).document, finding.span.start, finding.ruleId), undefined);
    // On one line, the comment goes after the directive's own and resolves the finding.
    const oneLine = '<!-- sourcelint-disable nosuch -->\n\nAid fell.\n';
    const single = lint(oneLine, OPTIONS).findings.find((f) => f.ruleId === 'invalid-directive')!;
    const fixed = applyEdits(oneLine, [
      disableLine(lint(oneLine, OPTIONS).document, single.span.start, single.ruleId)!,
    ]);
    assert.deepEqual(findings(fixed, 'invalid-directive'), [], fixed);
  });

  test('a paragraph just under the crowd limit (1,000 "<") stays Markdown after "disable for this line" or "for this file"', () => {
    const text = `Aid fell by 40% in 2022 ${'<'.repeat(1000)}\n`;
    const before = lint(text, OPTIONS);
    assert.deepEqual(before.problems, []);
    const stat = before.findings.find((f) => f.ruleId === 'unsourced-statistic')!;
    for (const edit of [
      disableLine(before.document, stat.span.start, stat.ruleId)!,
      disableInFile(before.document, stat.ruleId),
    ]) {
      const after = lint(applyEdits(text, [edit]), OPTIONS);
      assert.deepEqual(after.problems, [], edit.text);
      assert.deepEqual(
        after.findings.filter((f) => f.ruleId === 'unsourced-statistic'),
        [],
        edit.text,
      );
    }
    // A crowd of unclosed directive openers is still a crowd.
    assert.equal(lint(`Text ${'<!-- sourcelint-'.repeat(1001)}\n`, OPTIONS).problems.length, 1);
    // Over the limit, the paragraph is plain text where no comment is read: "for this line" is not offered.
    const crowded = lint(`Aid fell by 40% in 2022 ${'<'.repeat(1200)}\n`, OPTIONS);
    assert.equal(crowded.problems.length, 1);
    const figure = crowded.findings.find((f) => f.ruleId === 'unsourced-statistic')!;
    assert.equal(disableLine(crowded.document, figure.span.start, figure.ruleId), undefined);
  });

  test('a bare Wikipedia URL wrapped by the bare-url fix is still a citation of Wikipedia: one non-source-link before and after', () => {
    for (const url of [
      'https://en.wikipedia.org/wiki/Bamako',
      'https://en.wikipedia.org/wiki/Bamako_(city)',
      'https://en.wikipedia.org/wi⼟ki/Bamako',
    ]) {
      const text = `Aid fell, see ${url} now.\n`;
      const fixed = fixAll(text);
      assert.equal(fixed, `Aid fell, see <${url}> now.\n`);
      assert.deepEqual(findings(text, 'non-source-link'), [url]);
      assert.deepEqual(findings(fixed, 'non-source-link'), [`<${url}>`]);
    }
    // A link whose text names the article explains a term, as before.
    assert.deepEqual(
      findings('The [Bamako](https://en.wikipedia.org/wiki/Bamako) riverfront.\n', 'non-source-link'),
      [],
    );
  });
});

describe('fix properties on the samples, in every dress between them', () => {
  const files = [
    ...fs
      .readdirSync(path.join(ROOT, 'samples'))
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .map((f) => path.join(ROOT, 'samples', f)),
    path.join(ROOT, 'test/fixtures/sahel-briefing.md'),
  ];
  // Each sample as written and in the dress that changes most at once (CRLF, BOM and front matter), and one more dress
  // in turn, so that over the samples every dress is tried alone; the reproducers below get every dress.
  files.forEach((file, i) => {
    const body = fs.readFileSync(file, 'utf8');
    const dresses = variants(body);
    const tried = new Set([0, dresses.length - 1, 1 + (i % (dresses.length - 2))]);
    test(path.relative(ROOT, file), () => {
      for (const { name, text } of dresses.filter((_, d) => tried.has(d))) {
        const problems = checkFixProperties(text, { filePath: file }, 8);
        assert.deepEqual(problems, [], `${name}:\n${problems.slice(0, 10).join('\n')}`);
      }
    });
  });

  test('the reproducers above, in every dress', () => {
    const bodies = [
      'First claim.[^2] Second claim.[^3]\n\n[^1]: Kept.\n[^2]: Two.\n[^3]: Three.\n',
      'Officials met.\nAid fell by 40% in 2022.\n\n| Year | Aid |\n| --- | --- |\n| 2022 | fell by 40% |\n',
      'See https://en.wikipedia.org/wiki/Bamako_(city) and \\<https://example.org/a>.\n',
      'A claim.[^1]\n\n[^1]: Used.\n[^2]: Unused, see https://example.org/x here.\n',
      'Aid fell by 40% in 2022.\n\n```\nunclosed\n',
      '<!---->5%\n\nAid fell by 40% in 2022.\n',
      '<!--sourcelint-disable .\n-->\n',
      'A claim.[^3]\n\n[^3]: Used.\n[^2]: Unused, citing [^1].\n[^1]: Cited by the unused note only.\n',
      'See https://en.wikipedia.org/wiki/Bamako and https://en.wikipedia.org/wi⼟ki/Bamako_(city).\n',
    ];
    for (const body of bodies) {
      for (const { name, text } of variants(body)) {
        const problems = checkFixProperties(text);
        assert.deepEqual(
          problems,
          [],
          `${name} ${JSON.stringify(body.slice(0, 40))}:\n${problems.slice(0, 10).join('\n')}`,
        );
      }
    }
  });
});

describe('fix-property violations found by `npm run fuzz -- --seed 11` and `--seed 23`, minimised', () => {
  test('the bare-URL fix writes an HTML link in raw HTML, where <url> would be an unknown tag hiding the source', () => {
    // A line opening with a comment is a raw HTML block, even in the middle of a paragraph.
    const text =
      'Officials met in Bamako on Monday.\n' +
      '<!-- TODO: confirm the date --> The bulletin at www.example.org/bulletin says aid fell by 40% in 2022.\n';
    assert.deepEqual(findings(text, 'bare-url'), ['www.example.org/bulletin']);
    const fixed = fixAll(text);
    assert.equal(
      fixed,
      'Officials met in Bamako on Monday.\n' +
        '<!-- TODO: confirm the date --> The bulletin at ' +
        '<a href="https://www.example.org/bulletin">www.example.org/bulletin</a> says aid fell by 40% in 2022.\n',
    );
    assert.deepEqual(findings(fixed, 'bare-url'), []);
    assert.deepEqual(findings(fixed, 'unsourced-statistic'), [], 'the link still sources the figure');
  });

  test("a URL written as a link's own text is that link, not a bare URL to wrap (a link in a link breaks both)", () => {
    const markdown = 'Aid fell by 5% in 2022, says [https://example.org/aid](https://example.org/aid).\n';
    const html = '<p>Aid fell by 5% in 2022, says <a href="https://example.org/aid">https://example.org/aid</a>.</p>\n';
    for (const text of [markdown, html]) {
      assert.deepEqual(findings(text, 'bare-url'), [], text);
      assert.equal(fixAll(text), text);
    }
    assert.deepEqual(findings('<p>See https://example.org/aid.</p>\n', 'bare-url'), ['https://example.org/aid']);
  });

  /** `text` after "disable for this line" on its first `ruleId` finding. */
  const disabledOnItsLine = (text: string, ruleId: string): string => {
    const result = lint(text, OPTIONS);
    const finding = result.findings.find((f) => f.ruleId === ruleId)!;
    return applyEdits(text, [disableLine(result.document, finding.span.start, ruleId)!]);
  };

  test('a lone carriage return ends a line: the comment goes on the line of the finding, not the next one', () => {
    const text = 'Officials met in Bamako.\rAid fell by 40% in 2022.\rTalks went on.\n';
    const fixed = disabledOnItsLine(text, 'unsourced-statistic');
    assert.equal(
      fixed,
      'Officials met in Bamako.\rAid fell by 40% in 2022. <!-- sourcelint-disable-line unsourced-statistic -->\r' +
        'Talks went on.\n',
    );
    assert.deepEqual(findings(fixed, 'unsourced-statistic'), []);
  });

  test('"disable for this line" goes before a comment left open, which would otherwise run on to ours and hide text', () => {
    // The writer's note never closes: it is text, and the Wikipedia link after it still sources the figure.
    const text =
      'Russia sent 1,000 officials to Mali in 2022. <!-- unfinished: the figure is from https://en.wikipedia.org/wiki/Mali\n';
    const fixed = disabledOnItsLine(text, 'non-source-link');
    assert.equal(
      fixed,
      'Russia sent 1,000 officials to Mali in 2022. <!-- sourcelint-disable-line non-source-link --> ' +
        '<!-- unfinished: the figure is from https://en.wikipedia.org/wiki/Mali\n',
    );
    assert.deepEqual(findings(fixed, 'non-source-link'), []);
    assert.deepEqual(findings(fixed, 'unsourced-statistic'), [], 'the link is still read');
    // Left open on an earlier line of the paragraph, it would swallow that line's end: no comment is offered.
    const earlier = 'Officials met in Bamako. <!-- unfinished note\nAid fell by 40% in 2022.\n';
    const before = lint(earlier, OPTIONS);
    const stat = before.findings.find((f) => f.ruleId === 'unsourced-statistic')!;
    assert.equal(disableLine(before.document, stat.span.start, stat.ruleId), undefined);
    // In inline code, `<!--` opens nothing.
    const code = 'Type `<!--` to open a comment; aid fell by 40% in 2022.\n';
    const coded = lint(code, OPTIONS);
    const figure = coded.findings.find((f) => f.ruleId === 'unsourced-statistic')!;
    assert.equal(disableLine(coded.document, figure.span.start, figure.ruleId)?.start, code.length - 1);
  });

  test('removing an unused note that follows a line of text keeps the blank line after it, so nothing joins that text', () => {
    const notes =
      'Aid fell by 40% in 2022.[^1]\n\n' +
      '[^1]: Ministry of Finance, budget bulletin, March 2023.\n' +
      '[^2]: An earlier draft of this note, no longer cited.\n\n' +
      'Reporting by the Bamako desk.\n';
    assert.equal(
      fixAll(notes),
      'Aid fell by 40% in 2022.[^1]\n\n[^1]: Ministry of Finance, budget bulletin, March 2023.\n\n' +
        'Reporting by the Bamako desk.\n',
    );
    // A note that interrupts a paragraph: the paragraph and the one after it stay apart.
    const interrupting =
      'Critics say the plan failed.[^1]\n[^2]: Unused.\n\nThe regime slammed the reforms.\n\n[^1]: Reuters.\n';
    assert.equal(
      fixAll(interrupting),
      'Critics say the plan failed.[^1]\n\nThe regime slammed the reforms.\n\n[^1]: Reuters.\n',
    );
    // After a blank line, the blank lines after it go with it, as before.
    assert.equal(fixAll('Text.[^1]\n\n[^1]: Used.\n\n[^2]: Unused.\n\nMore.\n'), 'Text.[^1]\n\n[^1]: Used.\n\nMore.\n');
  });

  test('an opening front matter fence that never closes is no front matter: the footnotes below it are read', () => {
    const text =
      '---\ntitle: Sahel aid\n\nAid fell by 40% in 2022.[^1] Critics say the plan failed.\n\n' +
      '[^1]: Ministry of Finance, budget bulletin, March 2023.\n';
    const result = lint(text, OPTIONS);
    assert.equal(result.document.frontMatter, undefined);
    assert.deepEqual(findings(text, 'undefined-footnote'), []);
    assert.deepEqual(findings(text, 'unsourced-statistic'), []);
    // A line added above the fence reads the document the same way.
    const fixed = applyEdits(text, [disableInFile(result.document, 'unsupported-attribution')]);
    assert.deepEqual(
      lint(fixed, OPTIONS).findings.map((f) => f.ruleId),
      result.findings.map((f) => f.ruleId).filter((id) => id !== 'unsupported-attribution'),
    );
  });

  test('a comment on its own line above a paragraph too crowded to parse is still read: "disable for this file" resolves', () => {
    // Pasted from a web page: more tags than a paragraph may hold.
    const crowded = `The regime slammed the plan. ${'<span class="w">word</span> '.repeat(600)}\n`;
    const result = lint(crowded, OPTIONS);
    assert.equal(result.problems.length, 1, 'linted as plain text');
    assert.deepEqual(findings(crowded, 'loaded-term'), ['regime', 'slammed']);
    const fixed = applyEdits(crowded, [disableInFile(result.document, 'loaded-term')]);
    assert.deepEqual(findings(fixed, 'loaded-term'), [], fixed.slice(0, 80));
    // A directive the writer put there, and a review mark, are read as well.
    assert.deepEqual(findings(`<!-- sourcelint-disable loaded-term -->\n${crowded}`, 'loaded-term'), []);
    assert.deepEqual(findings(`<!-- sourcelint-disable-next-line -->\n${crowded}`, 'loaded-term'), []);
  });

  test('"add footnote" takes a label not written anywhere yet: defining one run into a bare URL would make it a call', () => {
    const text = 'Aid fell by 40% in 2022.\n\nThe ministry report is at https://example.org/report[^1] online.\n';
    const result = lint(text, OPTIONS);
    const stat = result.findings.find((f) => f.ruleId === 'unsourced-statistic')!;
    const footnote = addFootnote(result.document, stat.data!.sentence!)!;
    assert.equal(footnote.label, '2');
    assert.deepEqual(checkFixProperties(text), []);
  });
});

describe('fix-property violations found by `npm run fuzz -- --seed 4242`, `--seed 777` and `--seed 31337`, minimised', () => {
  const first = (text: string, rule: string) => lint(text, OPTIONS).findings.find((f) => f.ruleId === rule)!;

  test('the checker reads the scheme the bare-url fix gives a www. URL as the same URL: one Wikipedia citation', () => {
    const text = 'See www.en.wikipedia.org/wiki/Bamako_(city) and https://example.org/a_(b).\n';
    const fixed = fixAll(text);
    assert.equal(fixed, 'See <https://www.en.wikipedia.org/wiki/Bamako_(city)> and <https://example.org/a_(b)>.\n');
    assert.deepEqual(findings(text, 'non-source-link'), ['www.en.wikipedia.org/wiki/Bamako_(city)']);
    assert.deepEqual(findings(fixed, 'non-source-link'), ['<https://www.en.wikipedia.org/wiki/Bamako_(city)>']);
    assert.deepEqual(checkFixProperties(text), []);
  });

  test('removing an unused note leaves the notes only it cited unused, however they are named or however often defined', () => {
    const twice =
      'A claim.[^3]\n\n[^3]: Used.\n[^2]: Unused, citing [^1].\n[^1]: Cited by the unused note only.\n[^1]: Again.\n';
    const named = 'A claim.[^used]\n\n[^used]: Used.\n[^draft]: Unused, citing [^old].\n[^old]: Cited by it only.\n';
    // One quick fix removes the one note; the others it cited are reported in turn (both definitions of [^1]).
    const once = applyEdits(twice, first(twice, 'unused-footnote').fix!);
    assert.deepEqual(findings(once, 'unused-footnote'), ['[^1]:', '[^1]:']);
    // Fix-all converges on what is used, in one go.
    assert.equal(fixAll(twice), 'A claim.[^1]\n\n[^1]: Used.\n');
    assert.equal(fixAll(named), 'A claim.[^used]\n\n[^used]: Used.\n');
    for (const body of [twice, named])
      for (const { name, text } of variants(body)) assert.deepEqual(checkFixProperties(text), [], name);
  });

  test('"Remove footnote" on a note holding a directive is a suggestion, and may let back what the directive hid', () => {
    const text = '[^7]: Old note. <!-- sourcelint-disable-next-line -->\n- See https://example.org/x now.\n';
    const unused = first(text, 'unused-footnote');
    assert.equal(unused.fix, undefined, 'never applied by fix-all');
    assert.equal(unused.suggestions?.length, 1);
    assert.deepEqual(findings(text, 'bare-url'), []);
    assert.deepEqual(findings(applyEdits(text, unused.suggestions![0].edits), 'bare-url'), ['https://example.org/x']);
    assert.deepEqual(checkFixProperties(text), []);
  });

  test('removing an unused empty note that interrupts text leaves its line blank: the text below joins nothing', () => {
    const cases: Array<[string, string]> = [
      [
        'Officials met in Bamako.\n[^7]:\nCritics say the plan failed.\n',
        'Officials met in Bamako.\n\nCritics say the plan failed.\n',
      ],
      // Below a list item, the line would have been a lazy continuation of the item.
      [
        '- Officials met in Bamako\n  on Monday.\n[^7]:\nCritics say the plan failed.\n',
        '- Officials met in Bamako\n  on Monday.\n\nCritics say the plan failed.\n',
      ],
      // With a blank line after the note, that blank line still goes with it.
      [
        'Officials met in Bamako.\n[^7]:\n\nCritics say the plan failed.\n',
        'Officials met in Bamako.\n\nCritics say the plan failed.\n',
      ],
    ];
    for (const [text, expected] of cases) {
      const fixed = fixAll(text);
      assert.equal(fixed, expected);
      const blocks = (t: string) => lint(t, OPTIONS).document.parsed.blocks.map((b) => b.kind);
      assert.deepEqual(blocks(fixed), blocks(text), fixed);
    }
  });

  test('an unused note with a cited note written inside it is not removed: the cited note would go with it', () => {
    const text = 'The ambassador was expelled in January 2022.[^1]\n\n[^7]: [^1]: Reuters, 31 January 2022.\n';
    const unused = first(text, 'unused-footnote');
    assert.equal(text.slice(unused.span.start, unused.span.end), '[^7]:');
    assert.equal(unused.fix, undefined);
    assert.deepEqual(unused.suggestions ?? [], []);
    assert.equal(fixAll(text), text);
    assert.deepEqual(findings(text, 'undefined-footnote'), []);
    // An unused note inside the unused one goes with it, as before.
    assert.equal(fixAll('A claim.\n\n[^7]: [^1]: Reuters.\n'), 'A claim.\n\n');
  });

  const footnoteFor = (text: string, rule = 'unsourced-statistic') => {
    const result = lint(text, OPTIONS);
    const finding = result.findings.find((f) => f.ruleId === rule)!;
    return addFootnote(result.document, finding.data!.sentence!);
  };

  test('"add footnote" puts no definition under a disable-next-line comment, whose line it would become', () => {
    const text =
      'Aid fell by 40% in 2022.\n\n[^7]: An old note. <!-- sourcelint-disable-next-line -->\n- Critics say so.\n';
    assert.deepEqual(findings(text, 'unsupported-attribution'), []);
    const { reference, definition } = footnoteFor(text)!;
    const fixed = applyEdits(text, [reference, definition]);
    assert.equal(fixed, `Aid fell by 40% in 2022.[^1]\n\n${text.slice(26)}\n[^1]: \n`);
    assert.deepEqual(findings(fixed, 'unsupported-attribution'), []);
  });

  test('"add footnote" puts no definition after a note in a list item, which would end the list', () => {
    const text = 'Aid fell by 40% in 2022.\n\n- [^7]: A note.\n\n  Critics say the plan failed.\n';
    const { reference, definition } = footnoteFor(text)!;
    assert.equal(
      applyEdits(text, [reference, definition]),
      'Aid fell by 40% in 2022.[^1]\n\n- [^7]: A note.\n\n  Critics say the plan failed.\n\n[^1]: \n',
    );
  });

  test('"add footnote" changes nothing that is too crowded to parse: not offered there, nor by splitting it', () => {
    // Brackets by the thousand: the paragraph, the code fence and its line run together and are read as plain text.
    const crowded = `\`\`\`\n${'['.repeat(1200)}\n`;
    const inside = `Aid fell by 40% in 2022.[^9]\n${crowded}`;
    assert.equal(lint(inside, OPTIONS).problems.length, 1);
    assert.equal(footnoteFor(inside), undefined);
    // A definition above the fence would split the crowd and make what it hid Markdown again ([@key] a citation).
    const after = `Aid fell by 40% in 2022.\n\nExports rose by 12% [@worldbank2022] ${']'.repeat(600)}\n${crowded.slice(0, 604)}\n`;
    assert.equal(lint(after, OPTIONS).problems.length, 1);
    assert.equal(footnoteFor(after), undefined);
    for (const text of [inside, after]) assert.deepEqual(checkFixProperties(text), []);
  });

  const disabled = (text: string, rule: string) => {
    const result = lint(text, OPTIONS);
    const finding = result.findings.find((f) => f.ruleId === rule)!;
    const edit = disableLine(result.document, finding.span.start, rule);
    return edit && applyEdits(text, [edit]);
  };

  test('"disable for this line" after a line ending in a pipe goes before it: a cell more would make a table', () => {
    // One cell above a delimiter row of two is no table; a comment after the pipe would be the second cell.
    const text = 'Aid fell by 7% in 2022 |\n| --- | --- |\n';
    const fixed = disabled(text, 'unsourced-statistic')!;
    assert.equal(
      fixed,
      'Aid fell by 7% in 2022 <!-- sourcelint-disable-line unsourced-statistic --> |\n| --- | --- |\n',
    );
    assert.deepEqual(
      lint(fixed, OPTIONS).document.parsed.blocks.map((b) => b.kind),
      ['paragraph'],
    );
    assert.deepEqual(findings(fixed, 'unsourced-statistic'), []);
  });

  test('"disable for this line" is not offered where the comment would be a link definition\'s destination', () => {
    const text = '[Aid fell by 7% in 2022.]: \n';
    assert.deepEqual(findings(text, 'unsourced-statistic'), ['7%']);
    assert.equal(disabled(text, 'unsourced-statistic'), undefined);
  });

  test('"disable for this line" between a word and a comment left open adds no space to the text', () => {
    const text = 'The plan was slammed<!-- TODO: check the quote\n';
    assert.equal(
      disabled(text, 'loaded-term'),
      'The plan was slammed<!-- sourcelint-disable-line loaded-term --><!-- TODO: check the quote\n',
    );
    assert.deepEqual(findings(disabled(text, 'loaded-term')!, 'loaded-term'), []);
  });

  test('"disable for this line" leaves a pipe run into a word where it is: between them it would cut a URL short', () => {
    const text = 'The bulletin is at https://example.org/u.|\n';
    assert.deepEqual(findings(text, 'bare-url'), ['https://example.org/u.|']);
    const fixed = disabled(text, 'bare-url')!;
    assert.equal(fixed, 'The bulletin is at https://example.org/u.| <!-- sourcelint-disable-line bare-url -->\n');
    assert.deepEqual(
      lint(fixed, OPTIONS).suppressed.map((f) => fixed.slice(f.span.start, f.span.end)),
      ['https://example.org/u.|'],
    );
  });

  test('a comment in the title is not part of it: a paragraph repeating its words is prose, with or without a comment', () => {
    const text = '# Aid to Mali <!-- draft: aid fell by 40% in 2022 -->\n\nAid fell by 40% in 2022.\n';
    assert.deepEqual(lint(text, OPTIONS).document.parsed.nonProse, []);
    assert.deepEqual(findings(text, 'unsourced-statistic'), ['40%']);
    // Above the title: "disable for this line" used to turn a paragraph read as its masthead into prose.
    const above = 'Aid fell by 40% in 2022. <!-- verified: aid fell by 40% -->\n# Aid fell <!-- by 40% in 2022 -->\n';
    assert.deepEqual(checkFixProperties(above), []);
  });

  test("the checker reads a bare URL's backslash escapes, as the bare-url fix writes them: one Wikipedia citation", () => {
    const text = 'See https://en.wikipedia.org/wiki/Bamako_\\\\ now.\n';
    assert.equal(fixAll(text), 'See <https://en.wikipedia.org/wiki/Bamako_\\> now.\n');
    assert.deepEqual(checkFixProperties(text), []);
  });

  test('a bare URL holding a control character gets no fix: no autolink may hold it, so brackets would not link it', () => {
    const text = 'The bulletin is at https://example.org/a.\u007f now.\n';
    const bare = first(text, 'bare-url');
    assert.equal(text.slice(bare.span.start, bare.span.end), 'https://example.org/a.\u007f');
    assert.equal(bare.fix, undefined);
    assert.equal(fixAll(text), text);
    assert.deepEqual(checkFixProperties(text), []);
  });
});
