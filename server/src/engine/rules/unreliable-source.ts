import { defineRule, format } from './rule.js';
import { citedTargets, ratedSource } from '../cited-sources.js';
import { describeStatus, type SourceStatus } from '../sources.js';
import type { ActiveSeverity } from '../types.js';

const ADVICE: Record<Exclude<SourceStatus, 'reliable'>, 'replace' | 'corroborate' | 'attribute'> = {
  blacklisted: 'replace',
  deprecated: 'replace',
  unreliable: 'corroborate',
  'no-consensus': 'attribute',
};

export const rule = defineRule({
  meta: {
    id: 'unreliable-source',
    family: 'sourcing',
    description:
      "A citation of a source rated deprecated, unreliable or disputed (built-in list derived from Wikipedia's perennial sources, or your own).",
    defaultSeverity: 'warning',
    fixable: false,
    reportsClaims: true,
    messages: {
      rated: '{source}: {status}. {reason}. {advice} (rating: {list})',
      replace: 'Cite an independent, reliable source for this instead.',
      corroborate: 'Prefer an independent source; if you keep this one, attribute it in the text and corroborate it.',
      attribute: 'Use with attribution ("according to {name}") and corroborate where you can.',
    },
  },
  check(ctx) {
    for (const target of citedTargets(ctx.doc, ctx.sources, ctx.bibliography)) {
      const source = ratedSource(target);
      if (!source || source.status === 'reliable') continue;
      const configured = ctx.sourceSeverity[source.status];
      if (configured === 'off') continue;
      const severity: ActiveSeverity = configured ?? (source.status === 'no-consensus' ? 'info' : ctx.severity);
      const where = target.verdict?.source ? target.verdict.host : target.key ? `@${target.key}` : undefined;
      const reason = source.reason ? source.reason.charAt(0).toUpperCase() + source.reason.slice(1) : 'No reason given';
      ctx.report({
        messageId: 'rated',
        values: {
          source: where && where !== source.name.toLowerCase() ? `${source.name} (${where})` : source.name,
          status: describeStatus(source),
          reason,
          advice: format(this.meta.messages[ADVICE[source.status]], { name: source.name }),
          list: source.list,
        },
        span: target.span,
        severity,
      });
    }
  },
});
