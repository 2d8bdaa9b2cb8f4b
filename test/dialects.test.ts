/**
 * Quarto, R Markdown and MDX: cross-references are not citations, project and front-matter bibliographies, code chunks
 * are code, MDX's ESM, JSX and expressions are not prose; and the VS Code extension activates for these languages.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lint } from 'sourcelint';
import { parseJson, sourcelint, tempDir } from './helpers/cli.js';
import { LspClient, type Diagnostic } from './helpers/lsp-client.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIB = '@report{unhcr2023,\n  title = {Sahel displacement},\n  author = {{UNHCR}},\n  year = {2023}\n}\n';

/** [rule, flagged text] of every finding. */
function flagged(text: string, filePath: string): Array<[string, string]> {
  const result = lint(text, { filePath });
  return result.findings.map((f) => [f.ruleId, text.slice(f.span.start, f.span.end)]);
}

describe('Quarto', () => {
  test('cross-references (@fig-, @tbl-, @sec-, @eq-, bracketed or not, pandoc-crossref fig:) are neither unknown keys nor sources', () => {
    const { dir, cleanup } = tempDir({ 'refs.bib': BIB });
    try {
      const text = [
        '---',
        'bibliography: refs.bib',
        '---',
        '',
        'Displacement doubled in 2023 [@unhcr2023]. @fig-map shows the camps and @tbl-counts the totals.',
        '',
        'See [@sec-method; @eq-growth] for the model, and [@fig:old] for last year.',
        '',
        'Some 40% of them were children (@fig-age).',
        '',
      ].join('\n');
      const findings = flagged(text, path.join(dir, 'report.qmd'));
      assert.deepEqual(
        findings.filter(([rule]) => rule === 'unknown-citekey' || rule === 'empty-citation'),
        [],
      );
      assert.deepEqual(
        findings.filter(([rule]) => rule === 'unsourced-statistic'),
        [['unsourced-statistic', 'Some 40%']],
        'a cross-reference does not source the figure',
      );
      const missing = flagged('A rise [@nosuch2020; @fig-a].\n', path.join(dir, 'x.qmd')).filter(
        ([rule]) => rule === 'unknown-citekey',
      );
      assert.deepEqual(
        missing,
        [['unknown-citekey', 'nosuch2020']],
        'a real key beside a cross-reference is still checked',
      );
    } finally {
      cleanup();
    }
  });

  test('the bibliography of _quarto.yml applies to every document of the project, relative to that file', () => {
    const { dir, cleanup } = tempDir({
      '_quarto.yml': 'project:\n  type: website\nbibliography: refs/sources.bib\n',
      'refs/sources.bib': BIB,
      'posts/sahel.qmd': 'Displacement doubled in 2023 [@unhcr2023], and @unhcr2023 agrees. A typo [@unhcr2032].\n',
    });
    try {
      const [r] = parseJson(sourcelint(['--format', 'json', '.'], { cwd: dir }).stdout);
      assert.equal(path.basename(r.filePath), 'sahel.qmd');
      assert.deepEqual(
        r.messages.map((m) => [m.ruleId, m.column]),
        [['unknown-citekey', 'Displacement doubled in 2023 [@unhcr2023], and @unhcr2023 agrees. A typo [@'.length + 1]],
      );
      assert.match(r.messages[0].message, /not in the bibliography/);
    } finally {
      cleanup();
    }
  });

  test('code chunks and inline code are code: figures in them are not statistics', () => {
    const text = [
      '```{r}',
      '#| label: fig-growth',
      'share <- 0.4 # 40% of 1000 households',
      '```',
      '',
      'Prices rose by `r share * 100`% last year, per @fig-growth.',
      '',
      '```{python}',
      'print("50% rise")',
      '```',
      '',
    ].join('\n');
    for (const file of ['a.qmd', 'a.Rmd']) {
      assert.deepEqual(
        flagged(text, `/tmp/${file}`).filter(([rule]) => rule.startsWith('unsourced-')),
        [],
        file,
      );
    }
  });
});

describe('R Markdown', () => {
  test('the front matter bibliography (a list, relative to the document) resolves citations', () => {
    const { dir, cleanup } = tempDir({
      'bib/main.bib': BIB,
      'report.Rmd':
        '---\ntitle: "Sahel"\noutput: html_document\nbibliography: [bib/main.bib]\n---\n\n```{r setup, include=FALSE}\nknitr::opts_chunk$set(echo = TRUE)\n```\n\nDisplacement doubled in 2023 [@unhcr2023]. Costs rose 30% [@missing2020].\n',
    });
    try {
      const [r] = parseJson(sourcelint(['--format', 'json', 'report.Rmd'], { cwd: dir }).stdout);
      assert.deepEqual(
        r.messages.map((m) => m.ruleId),
        ['unknown-citekey'],
      );
      assert.match(r.messages[0].message, /@missing2020/);
    } finally {
      cleanup();
    }
  });
});

describe('Hugo', () => {
  test('TOML front matter between +++ fences is data, not prose: its title, bibliography and table are read', () => {
    const { dir, cleanup } = tempDir({
      'refs.bib': BIB,
      'post.md': [
        '+++',
        'title = "Displacement in the Sahel: 40% more in a year"',
        'date = 2024-03-01T09:00:00Z',
        'tags = ["sahel", "refugees"]',
        "bibliography = ['refs.bib']",
        'draft = false',
        '',
        '[params]',
        'image = "https://example.org/camp-3.jpg"',
        '+++',
        '',
        'Displacement doubled in 2023 [@unhcr2023]. Costs rose 30% [@missing2020].',
        '',
      ].join('\n'),
    });
    try {
      const [r] = parseJson(sourcelint(['--format', 'json', 'post.md'], { cwd: dir }).stdout);
      // The bibliography resolves one key and not the other; nothing inside the fences is linted as prose.
      assert.deepEqual(
        r.messages.map((m) => [m.ruleId, m.line]),
        [['unknown-citekey', 12]],
      );
    } finally {
      cleanup();
    }
  });

  test('an unclosed +++ is no front matter', () => {
    const open = '+++\ntitle = "Aid"\n\nAid fell by 25% in 2023.\n';
    assert.ok(flagged(open, '/tmp/post.md').some(([rule, text]) => rule === 'unsourced-statistic' && text === '25%'));
  });
});

describe('MDX', () => {
  const mdx = [
    "import { Chart } from './chart.js'",
    "export const share = '40%'",
    '',
    '# Aid',
    '',
    '<Chart caption="Spending “rose by 40%” in 2022" data={[{ label: "1000 troops" }]} />',
    '',
    'Aid fell by 25% in 2023 while <Badge label="5%" /> costs {props.delta}% rose.',
    '',
    '<Note>',
    'Loans grew by 12% in 2024.',
    '</Note>',
    '',
  ].join('\n');

  test('ESM, JSX attributes and expressions are not prose; prose around and inside JSX is linted at exact offsets', () => {
    const findings = flagged(mdx, '/tmp/a.mdx').filter(([rule]) => rule.startsWith('unsourced-'));
    assert.deepEqual(findings, [
      ['unsourced-statistic', '25%'],
      ['unsourced-statistic', '12%'],
    ]);
    const result = lint(mdx, { filePath: '/tmp/a.mdx' });
    const starts = result.findings.filter((f) => f.ruleId === 'unsourced-statistic').map((f) => f.span.start);
    assert.deepEqual(starts, [mdx.indexOf('25%'), mdx.indexOf('12%')], 'offsets are the source offsets');
    const asMarkdown = flagged(mdx, '/tmp/a.md')
      .filter(([rule]) => rule === 'unsourced-statistic')
      .map(([, t]) => t);
    assert.ok(
      asMarkdown.includes('40%'),
      'the same text as plain Markdown does flag the export (what MDX parsing fixes)',
    );
  });

  test('directives are written {/* … */} in MDX; invalid MDX is linted as Markdown with a note naming the line', () => {
    const text =
      'The regime fell. {/* sourcelint-disable-line loaded-term */}\n\n{/* sourcelint-disable-next-line unsourced-statistic */}\nAid fell by 25% in 2023.\n';
    assert.deepEqual(flagged(text, '/tmp/b.mdx'), []);
    const broken = 'Intro text.\n\nA <Tag attr={unclosed\n\nAid fell by 25% in 2023.\n';
    const result = lint(broken, { filePath: '/tmp/c.mdx' });
    assert.deepEqual(
      result.findings.map((f) => broken.slice(f.span.start, f.span.end)),
      ['25%'],
    );
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0].message, /^not valid MDX \(.+\); linted as Markdown$/);
  });
});

describe('VS Code extension', () => {
  test('activates for markdown, quarto, rmarkdown and mdx, and its client selects those languages', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      activationEvents: string[];
    };
    for (const language of ['markdown', 'quarto', 'rmarkdown', 'mdx'])
      assert.ok(manifest.activationEvents.includes(`onLanguage:${language}`), language);
    const { LANGUAGES, isLinted } = (await import(path.join(ROOT, 'client/out/languages.js'))) as {
      LANGUAGES: string[];
      isLinted: (id: string) => boolean;
    };
    assert.deepEqual([...LANGUAGES].sort(), ['markdown', 'mdx', 'quarto', 'rmarkdown']);
    assert.equal(isLinted('quarto'), true);
    assert.equal(isLinted('plaintext'), false);
    const source = fs.readFileSync(path.join(ROOT, 'client/src/extension.ts'), 'utf8');
    assert.match(
      source,
      /documentSelector: \[\s*\.\.\.LANGUAGES\.map/,
      'the client registers every language of LANGUAGES',
    );
  });
});

describe('language server', () => {
  test('lints quarto and mdx documents by their file type; an error in a parent configuration is shown on that file', async () => {
    const { dir, cleanup } = tempDir({
      '_quarto.yml': 'bibliography: refs.bib\n',
      'refs.bib': BIB,
      'report.qmd': 'Displacement doubled in 2023 [@unhcr2023], see @fig-map. Some 40% were children.\n',
      'page.mdx': "export const share = '40%'\n\nAid fell by 25% in 2023.\n",
      '.sourcelintrc.json': '{ "rules": { "no-such-rule": "off" } }\n',
      'desk/.sourcelintrc.yaml': 'rules:\n  loaded-term: "off"\n',
      'desk/brief.md': 'Aid fell by 25% in 2023.\n',
    });
    const client = new LspClient();
    try {
      await client.initialize(dir);
      const open = (file: string, languageId: string): Promise<Diagnostic[]> => {
        const uri = pathToFileURL(path.join(dir, file)).href;
        client.notify('textDocument/didOpen', {
          textDocument: { uri, languageId, version: 1, text: fs.readFileSync(path.join(dir, file), 'utf8') },
        });
        return client.diagnosticsFor(uri, (ds) => ds.length > 0);
      };
      const configUri = pathToFileURL(path.join(dir, '.sourcelintrc.json')).href;
      const onConfig = client.diagnosticsFor(configUri, (ds) => ds.length > 0);
      const brief = await open('desk/brief.md', 'markdown');
      assert.match(brief[0].message, /no-such-rule/, 'the document says why it is not linted');
      assert.match(
        (await onConfig)[0].message,
        /"rules\.no-such-rule" is not a known rule/,
        'and the parent configuration carries the error',
      );
      fs.writeFileSync(path.join(dir, '.sourcelintrc.json'), '{}\n');
      const quarto = await open('report.qmd', 'quarto');
      assert.deepEqual(
        quarto.map((d) => d.code),
        ['unsourced-statistic'],
      );
      const mdx = await open('page.mdx', 'mdx');
      assert.deepEqual(
        mdx.map((d) => [d.code, d.range.start.line]),
        [['unsourced-statistic', 2]],
      );
    } finally {
      await client.close();
      cleanup();
    }
  });
});
