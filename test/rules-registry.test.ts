/**
 * A rule is declared once, in its file's `meta`: everything else that lists rules is generated from the registry or
 * checked against it here. Fails when a generated file is stale (`npm run generate`), when a rule has no doc page or no
 * rule-tester test, when a doc page's header disagrees with the rule's meta, or when a doc page's examples do not do
 * what the page says: a ```` ```markdown flagged ```` example must raise the page's rule (and exactly the findings its
 * ```` ```text ```` output block lists), a ```` ```markdown not-flagged ```` example must not raise it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lint, RULES, RULE_IDS } from 'sourcelint';
import type { SourceCopies, SourceText } from 'sourcelint/engine/evidence/copies.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const docsDir = path.join(root, 'docs/rules');

test('the files generated from the rule registry are up to date (npm run generate)', async () => {
  const { staleFiles } = (await import(pathToFileURL(path.join(root, 'scripts/generate.mjs')).href)) as {
    staleFiles(): Promise<Array<{ file: string }>>;
  };
  assert.deepEqual(
    (await staleFiles()).map((s) => s.file),
    [],
  );
});

test('every rule has a doc page, and every doc page a rule', () => {
  const pages = fs
    .readdirSync(docsDir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => f.replace(/\.md$/, ''));
  assert.deepEqual([...pages].sort(), [...RULE_IDS].sort());
});

test('every rule has a rule-tester test in test/rules/', () => {
  const testsDir = path.join(root, 'test/rules');
  const tested = new Set<string>();
  for (const file of fs.readdirSync(testsDir).filter((f) => f.endsWith('.test.ts'))) {
    for (const m of fs.readFileSync(path.join(testsDir, file), 'utf8').matchAll(/\bruleTester\(\s*'([a-z0-9-]+)'/g))
      tested.add(m[1]);
  }
  assert.deepEqual(
    RULE_IDS.filter((id) => !tested.has(id)),
    [],
  );
});

interface Example {
  kind: 'flagged' | 'not-flagged';
  code: string;
  /** The ```text block right after a flagged example: the findings it prints, in stylish form. */
  output?: string[];
  line: number;
}

/** The marked examples of a doc page, each with the output block that follows it. */
export function examplesOf(page: string): Example[] {
  const lines = page.split('\n');
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```markdown (flagged|not-flagged)\s*$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.indexOf('```', i + 1);
    const example: Example = {
      kind: open[1] as Example['kind'],
      code: lines.slice(i + 1, end).join('\n') + '\n',
      line: i + 1,
    };
    let next = end + 1;
    while (lines[next] === '') next++;
    if (lines[next] === '```text') {
      const close = lines.indexOf('```', next + 1);
      example.output = lines.slice(next + 1, close).filter((l) => l.trim() !== '');
    }
    examples.push(example);
    i = end;
  }
  return examples;
}

/**
 * The saved source copies a page shows, for the evidence rules' examples: a ```` ```text sources/KEY.txt ```` block is
 * the copy of KEY, a line `[page N]` in it starts page N.
 */
export function copiesOf(page: string): SourceCopies | undefined {
  const copies = new Map<string, SourceText>();
  for (const m of page.matchAll(/^```text sources\/([\w-]+)\.txt\n([\s\S]*?)^```$/gm)) {
    copies.set(m[1], {
      file: path.join(docsDir, 'sources', `${m[1]}.txt`),
      pages: m[2].split(/^\[page \d+\]\n/m).filter((p, i) => i > 0 || p.trim() !== ''),
    });
  }
  return copies.size > 0 ? { byKey: (key) => copies.get(key), byUrl: () => undefined } : undefined;
}

/** A finding as the CLI's stylish format prints it, without the padding. */
const printed = (line: number, column: number, severity: string, message: string, ruleId: string): string =>
  `${line}:${column} ${severity} ${message} ${ruleId}`;

for (const rule of RULES) {
  const { id, family, defaultSeverity, fixable } = rule.meta;
  describe(`docs/rules/${id}.md`, () => {
    const file = path.join(docsDir, `${id}.md`);
    const page = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';

    test("its header states the rule's family, default severity and fixability", () => {
      // The severity may carry a note ("(no consensus: **info**)").
      const header = /^Family: \*\*(\w+)\*\* · Default severity: \*\*(\w+)\*\*[^·\n]*· Fixable: \*\*(\w+)\*\*/m.exec(
        page,
      );
      assert.ok(header, 'a line "Family: **…** · Default severity: **…** · Fixable: **…**"');
      assert.deepEqual(header.slice(1), [family, defaultSeverity, fixable ? 'yes' : 'no']);
    });

    const examples = examplesOf(page);
    const sourceCopies = copiesOf(page);
    test('it shows flagged and not-flagged examples', () => {
      assert.ok(
        examples.some((e) => e.kind === 'flagged'),
        'a ```markdown flagged example',
      );
      assert.ok(
        examples.some((e) => e.kind === 'not-flagged'),
        'a ```markdown not-flagged example',
      );
    });

    for (const example of examples) {
      test(`line ${example.line}: ${example.kind}`, () => {
        const result = lint(example.code, { filePath: path.join(docsDir, 'example.md'), sourceCopies });
        const at = (f: (typeof result.findings)[number]): string => {
          const p = result.textDocument.positionAt(f.span.start);
          return printed(p.line + 1, p.character + 1, f.severity, f.message, f.ruleId);
        };
        assert.deepEqual(
          result.findings.map((f) => f.message).filter((m) => /\{\w+\}/.test(m)),
          [],
          'no placeholder left in a message',
        );
        const own = result.findings.filter((f) => f.ruleId === id);
        if (example.kind === 'not-flagged') {
          assert.deepEqual(own.map(at), []);
          return;
        }
        assert.ok(own.length > 0, `the example raises ${id}`);
        if (!example.output) return;
        const expected = example.output.map((l) => {
          const m = /^(\d+):(\d+)\s+(info|warning|error)\s+(.*?)\s+([a-z][a-z0-9-]*)$/.exec(l.trim());
          assert.ok(m, `an output line as the CLI prints it: ${l}`);
          return { ruleId: m[5], text: printed(Number(m[1]), Number(m[2]), m[3], m[4], m[5]) };
        });
        // The output lists every finding of the rules it names.
        const named = new Set(expected.map((e) => e.ruleId));
        assert.deepEqual(
          result.findings.filter((f) => named.has(f.ruleId)).map(at),
          expected.map((e) => e.text),
        );
      });
    }
  });
}
