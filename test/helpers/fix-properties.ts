/**
 * Properties every quick fix and fix-all must have, checked on any document: the edits do not overlap, the result
 * parses with the same front matter, byte-order mark and line endings, nothing new is reported (the fix changes only
 * what it names), the finding it is for is resolved, and a second fix-all changes nothing.
 */
import {
  addFootnote,
  applyEdits,
  disableInFile,
  disableLine,
  fixAllToStable,
  lint,
  ruleById,
  type Edit,
  type Finding,
  type LintOptions,
  type LintResult,
  type Span,
} from 'sourcelint';

/** The document in its four dresses: LF or CRLF, with or without a byte-order mark; and with front matter or not. */
export function variants(body: string): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  const hasFrontMatter = body.startsWith('---\n');
  for (const fm of hasFrontMatter ? [true] : [false, true]) {
    const lf =
      fm && !hasFrontMatter
        ? `---\ntitle: "Draft"\nsourcelint:\n  rules:\n    relative-time: warning\n---\n\n${body}`
        : body;
    for (const crlf of [false, true]) {
      for (const bom of [false, true]) {
        const text = (bom ? '\ufeff' : '') + (crlf ? lf.replace(/\r?\n/g, '\r\n') : lf);
        out.push({ name: `${crlf ? 'CRLF' : 'LF'}${bom ? '+BOM' : ''}${fm ? '+front matter' : ''}`, text });
      }
    }
  }
  return out;
}

/**
 * A finding as rule and text; footnote numbers are left out, since renumbering changes them and nothing else, and so
 * are an autolink's brackets (in raw HTML, an anchor's tags) and the scheme it gives a `www.` URL: the bare-url fix
 * wraps a URL, and what other rules say of that URL (a Wikipedia page, a shortener) still holds of the link, a finding
 * that changed its written form and nothing else. For the same reason a bare URL's backslash escapes are read (`a\_b`
 * is `a_b`, as the fix writes it in the autolink, where a backslash is itself); raw HTML has no escapes.
 */
function key(result: LintResult, f: Finding, byLabel = false): string {
  const written = result.document.text
    .slice(f.span.start, f.span.end)
    .replace(/\[\^\d+\]/g, (m) => (byLabel ? m : '[^n]'))
    .replace(/ ?<!-- sourcelint-disable-line [a-z-]+ -->/g, '');
  const link =
    /^<([^<>\s]+)>$/.exec(written)?.[1] ?? /^<a href="(?:https:\/\/)?([^"<>\s]+)">\1<\/a>$/.exec(written)?.[1];
  const html = () =>
    result.document.parsed.blocks.some((b) => b.html && b.start <= f.span.start && f.span.end <= b.end);
  const read = link ?? (!written.includes('\\') || html() ? written : written.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
  return `${f.ruleId}\u0000${read.replace(/^https:\/\/(?=www\.)/, '')}`;
}

function counts(result: LintResult, byLabel = false, excused = (_: Finding) => false): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of result.findings) {
    if (excused(f)) continue;
    m.set(key(result, f, byLabel), (m.get(key(result, f, byLabel)) ?? 0) + 1);
  }
  return m;
}

const deleted = (edits: readonly Edit[], span: Span): boolean =>
  edits.some((e) => e.start <= span.start && span.end <= e.end && e.end > e.start);

/**
 * Notes every call of which lies in text the edits delete: removing an unused note that cites another leaves that one
 * unused in turn (every note it names, under whatever label, however often defined), for the next fix-all pass.
 */
function orphanedNotes(before: LintResult, edits: readonly Edit[]): Set<string> {
  const calls = [
    ...before.document.prose.flatMap((pb) => pb.block.footnoteRefs),
    ...before.document.parsed.nonProse.flatMap((n) => n.footnoteRefs),
  ];
  const kept = new Set(calls.filter((c) => !deleted(edits, c.span)).map((c) => c.id));
  return new Set(calls.map((c) => c.id).filter((id) => !kept.has(id)));
}

const sourcing = (ruleId: string): boolean => ruleById(ruleId)?.meta.family === 'sourcing';

const loneLineFeeds = (text: string): number => (text.match(/(?<!\r)\n/g) ?? []).length;

function overlapping(edits: readonly Edit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  // Two insertions at one point are fine (LSP: their order in the list is their order in the text); anything else is
  // not.
  return sorted.some(
    (e, i) =>
      i > 0 &&
      (sorted[i - 1].end > e.start ||
        (sorted[i - 1].start === e.start && (e.start === e.end) !== (sorted[i - 1].start === sorted[i - 1].end))),
  );
}

/** What went wrong with applying `edits` for `what` to `before`; empty when every property holds. */
interface Expectations {
  /** The finding the edits must resolve. */
  resolves?: Finding;
  /** The edits must not change the document's blocks (a comment added, nothing split). */
  sameBlocks?: boolean;
  /**
   * New findings these rules may report: a replaced phrase is a new sentence to judge; a new empty footnote is to be
   * filled.
   */
  mayReport?: (ruleId: string) => boolean;
  /**
   * A suggestion the writer picks may delete a `sourcelint-…` comment with what it is in (the note it sits in): what
   * that comment turned off may then be reported. A fix, applied unseen by fix-all, never may.
   */
  mayDeleteDirectives?: boolean;
}

function checkEdits(
  before: LintResult,
  edits: readonly Edit[],
  what: string,
  options: LintOptions,
  expect: Expectations = {},
): string[] {
  const { resolves, sameBlocks, mayReport = () => false, mayDeleteDirectives = false } = expect;
  const problems: string[] = [];
  const text = before.document.text;
  if (overlapping(edits)) return [`${what}: overlapping edits ${JSON.stringify(edits)}`];
  const fixed = applyEdits(text, edits);
  let after: LintResult;
  try {
    after = lint(fixed, options);
  } catch (e) {
    return [`${what}: the result does not lint: ${(e as Error).message}`];
  }
  if ((text.charCodeAt(0) === 0xfeff) !== (fixed.charCodeAt(0) === 0xfeff))
    problems.push(`${what}: byte-order mark changed`);
  if (loneLineFeeds(text) === 0 && text.includes('\r\n') && loneLineFeeds(fixed) > 0)
    problems.push(`${what}: a bare LF in a CRLF document`);
  const fm = (r: LintResult) => JSON.stringify(r.document.frontMatter?.data ?? null);
  if (fm(before) !== fm(after)) problems.push(`${what}: front matter changed from ${fm(before)} to ${fm(after)}`);
  if (after.problems.length > before.problems.length)
    problems.push(`${what}: new problems ${JSON.stringify(after.problems.map((p) => p.message))}`);
  if (sameBlocks) {
    const shape = (r: LintResult) => r.document.parsed.blocks.map((b) => b.kind).join(',');
    if (shape(before) !== shape(after))
      problems.push(`${what}: the document's blocks changed (${shape(before)} → ${shape(after)})`);
  }
  const was = counts(before);
  const orphaned = orphanedNotes(before, edits);
  const noteAt = (f: Finding) => after.document.parsed.footnotes.find((d) => d.labelSpan.start === f.span.start);
  const deletedDirective =
    mayDeleteDirectives &&
    before.document.parsed.comments.some((c) => c.body.startsWith('sourcelint-') && deleted(edits, c.span));
  const unsuppressed = new Set(deletedDirective ? before.suppressed.map((f) => key(before, f)) : []);
  const excused = (f: Finding): boolean =>
    (f.ruleId === 'unused-footnote' && orphaned.has(noteAt(f)?.id ?? '')) || unsuppressed.has(key(after, f));
  for (const [k, n] of counts(after, false, excused)) {
    if (n > (was.get(k) ?? 0) && !mayReport(k.split('\u0000')[0]))
      problems.push(`${what}: new finding ${k.replace('\u0000', ': ')}`);
  }
  if (resolves) {
    // By label: a fix for one note leaves the others' numbers alone, and removing an unused note may leave the note
    // it cited unused in turn (the next fix-all pass takes that one).
    const k = key(before, resolves, true);
    if ((counts(after, true).get(k) ?? 0) >= (counts(before, true).get(k) ?? 0))
      problems.push(`${what}: does not resolve ${k.replace('\u0000', ': ')}`);
  }
  return problems;
}

/**
 * Checks fix-all, and each quick fix of the first finding of up to `maxFindings` rules, on `text`. Returns the
 * violations found.
 */
export function checkFixProperties(
  text: string,
  options: LintOptions = { filePath: '/virtual/draft.md' },
  maxFindings = 12,
): string[] {
  const problems: string[] = [];
  const result = lint(text, options);
  const doc = result.document;
  // Fix-all, then fix-all again.
  const all = fixAllToStable(result);
  problems.push(...checkEdits(result, all, 'fix-all', options));
  const fixedOnce = lint(applyEdits(text, all), options);
  const again = fixAllToStable(fixedOnce);
  if (again.length > 0) problems.push(`fix-all: a second fix-all still changes ${JSON.stringify(again)}`);
  if (fixedOnce.findings.some((f) => f.fix))
    problems.push(
      `fix-all: fixable findings remain (${fixedOnce.findings
        .filter((f) => f.fix)
        .map((f) => f.ruleId)
        .join(', ')})`,
    );
  // One finding per rule: each rule's fixes are the same code wherever the finding is.
  const perRule = [...new Map(result.findings.map((f) => [f.ruleId, f] as const).reverse()).values()].reverse();
  for (const f of perRule.slice(0, maxFindings)) {
    const at = `${f.ruleId} at ${f.span.start}`;
    if (f.fix) problems.push(...checkEdits(result, f.fix, `fix of ${at}`, options, { resolves: f }));
    for (const s of f.suggestions ?? [])
      problems.push(
        ...checkEdits(result, s.edits, `suggestion "${s.desc}" of ${at}`, options, {
          mayReport: sourcing,
          mayDeleteDirectives: true,
        }),
      );
    const disable = disableLine(doc, f.span.start, f.ruleId);
    // None offered is safe: where a comment cannot go (front matter, inside inline code), "disable for this file" is.
    if (disable)
      problems.push(
        ...checkEdits(result, [disable], `disable-line of ${at}`, options, { resolves: f, sameBlocks: true }),
      );
    problems.push(
      ...checkEdits(result, [disableInFile(doc, f.ruleId)], `disable-file of ${at}`, options, {
        resolves: f,
        sameBlocks: true,
      }),
    );
    const sentence = f.data?.sentence;
    if (sentence && sourcing(f.ruleId) && f.ruleId !== 'citation-needed') {
      const footnote = addFootnote(doc, sentence);
      // None offered is safe: where no footnote can go (the sentence is raw HTML), the other sourcing fixes remain.
      if (!footnote) continue;
      const label = footnote.label;
      const problemsBefore = problems.length;
      const emptyNote = (rule: string) => rule === 'empty-citation';
      problems.push(
        ...checkEdits(
          result,
          [footnote.reference, footnote.definition],
          `add footnote [^${label}] for ${at}`,
          options,
          { mayReport: emptyNote },
        ),
      );
      const added = lint(applyEdits(text, [footnote.reference, footnote.definition]), options);
      if (!added.document.parsed.footnotes.some((d) => d.id === label))
        problems.push(`add footnote for ${at}: [^${label}] is not defined afterwards`);
      const undefinedNew = added.findings.some(
        (x) =>
          x.ruleId === 'undefined-footnote' &&
          added.document.text.slice(x.span.start, x.span.end).includes(`^${label}]`),
      );
      if (undefinedNew) problems.push(`add footnote for ${at}: [^${label}] is undefined afterwards`);
      if (problems.length > problemsBefore + 3) break;
    }
  }
  return problems;
}
