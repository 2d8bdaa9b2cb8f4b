import { parseDirective } from '../directives.js';
import { defineRule } from './rule.js';
import { RULE_IDS } from './index.js';

export const rule = defineRule({
  meta: {
    id: 'invalid-directive',
    family: 'hygiene',
    description: 'A `<!-- sourcelint-disable… -->` or `sourcelint-enable` comment naming a rule that does not exist.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      unknown: 'Unknown rule "{name}" in {directive}: it disables nothing. Check the spelling against the rule list.',
    },
  },
  check(ctx) {
    for (const comment of ctx.doc.parsed.comments) {
      const directive = parseDirective(comment.body);
      if (!directive) continue;
      let from = 0;
      for (const name of directive.names) {
        const at = comment.body.indexOf(name, from);
        from = at + name.length;
        if (RULE_IDS.includes(name)) continue;
        // The body is the comment's trimmed inner text: find the name in the source to flag it exactly.
        const source = ctx.doc.text.slice(comment.span.start, comment.span.end);
        const offset = source.indexOf(comment.body) + at;
        ctx.report({
          messageId: 'unknown',
          values: { name, directive: `sourcelint-${directive.kind}` },
          span: { start: comment.span.start + offset, end: comment.span.start + offset + name.length },
        });
      }
    }
  },
});
