import { format, type Rule } from './rule.js';
import { closest } from '../strings.js';

export const rule: Rule = {
  meta: {
    id: 'unknown-citekey',
    family: 'hygiene',
    description: 'A pandoc citation `[@key]` whose key is in no bibliography of the document.',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      unknown: 'Citation key @{key} is not in the bibliography. Fix the key or add the entry to the .bib / CSL-JSON file.',
      noBibliography: 'Citation key @{key} cannot be resolved: the document has no bibliography. Add `bibliography:` to its front matter or the configuration.',
    },
  },
  check(ctx) {
    const bib = ctx.bibliography;
    const known = bib ? [...bib.entries.keys()] : [];
    for (const pb of ctx.doc.prose) {
      for (const m of pb.markers) {
        for (const k of m.keys ?? []) {
          if (bib?.entries.has(k.key)) continue;
          const template = bib ? this.meta.messages.unknown : this.meta.messages.noBibliography;
          ctx.report({
            message: format(template, { key: k.key }),
            span: k.span,
            suggestions: closest(k.key, known, 3).map((key) => ({ desc: `Change to @${key}`, edits: [{ ...k.span, text: key }] })),
          });
        }
      }
    }
  },
};
