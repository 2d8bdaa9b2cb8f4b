import { defineRule } from './rule.js';

export const rule = defineRule({
  meta: {
    id: 'undefined-reference',
    family: 'hygiene',
    description:
      'A numbered reference (`[12]`, `^12^`, `<sup>12</sup>`) that points to no entry of the reference list.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      missing:
        'Reference {numbers} is not in the reference list. Add the entry under References, or correct the number.',
      noList:
        'Reference {numbers} points to no reference list. Add a "References" section that numbers its entries, or cite with a link or footnote.',
      missingSeveral:
        'References {numbers} are not in the reference list. Add the entries under References, or correct the numbers.',
      noListSeveral:
        'References {numbers} point to no reference list. Add a "References" section that numbers its entries, or cite with a link or footnote.',
    },
  },
  check(ctx) {
    const listed = ctx.doc.parsed.references.numbers.size > 0;
    for (const pb of ctx.doc.prose) {
      for (const m of pb.markers) {
        if (m.kind !== 'undefined-reference') continue;
        const missing = listed
          ? (m.numbers ?? []).filter((n) => !ctx.doc.parsed.references.numbers.has(n))
          : (m.numbers ?? []);
        const messageId = `${listed ? 'missing' : 'noList'}${missing.length > 1 ? 'Several' : ''}` as const;
        ctx.report({ messageId, values: { numbers: missing.join(', ') }, span: m.span });
      }
    }
  },
});
