import { defineRule } from './rule.js';
import { closest } from '../strings.js';
import type { AnalyzedDocument } from '../document.js';
import type { Span } from '../types.js';

export const rule = defineRule({
  meta: {
    id: 'unknown-citekey',
    family: 'hygiene',
    description: 'A pandoc citation `[@key]` whose key is in no bibliography of the document.',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      unknown:
        'Citation key @{key} is not in the bibliography. Fix the key or add the entry to the .bib / CSL-JSON file.',
      noBibliography:
        'Citation key @{key} cannot be resolved: the document has no bibliography. Add `bibliography:` to its front matter or the configuration.',
      unreadable:
        'Bibliography {file} cannot be read ({reason}), so citation keys are not checked. Fix the path in the {origin}.',
    },
  },
  check(ctx) {
    const bib = ctx.bibliography;
    const keys = ctx.doc.prose.flatMap((pb) => pb.markers.flatMap((m) => m.keys ?? []));
    // A bibliography that cannot be read is the one finding: calling each of its keys missing would hide the cause.
    if (bib?.unreadable?.length) {
      for (const u of bib.unreadable) {
        const span = u.written !== undefined ? frontMatterSpan(ctx.doc, u.written) : keys[0]?.span;
        // Named by the configuration, in a document that cites nothing: nothing here depends on it.
        if (!span) continue;
        const origin = u.written !== undefined ? 'front matter' : 'configuration';
        ctx.report({ messageId: 'unreadable', values: { file: u.written ?? u.file, reason: u.reason, origin }, span });
      }
      return;
    }
    const known = bib ? [...bib.entries.keys()] : [];
    for (const k of keys) {
      if (bib?.entries.has(k.key)) continue;
      ctx.report({
        messageId: bib ? 'unknown' : 'noBibliography',
        values: { key: k.key },
        span: k.span,
        suggestions: closest(k.key, known, 3).map((key) => ({
          desc: `Change to @${key}`,
          edits: [{ ...k.span, text: key }],
        })),
      });
    }
  },
});

/** Where the front matter writes a path (else its first line): the place to fix it. */
function frontMatterSpan(doc: AnalyzedDocument, written: string): Span | undefined {
  const fm = doc.frontMatter?.span;
  if (!fm) return undefined;
  const at = doc.text.slice(fm.start, fm.end).indexOf(written);
  if (at >= 0) return { start: fm.start + at, end: fm.start + at + written.length };
  return { start: fm.start, end: fm.start + Math.max(0, doc.text.indexOf('\n', fm.start) - fm.start) };
}
