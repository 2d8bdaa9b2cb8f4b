import { defineRule, format } from './rule.js';
import { citedTargets, type CitedTarget } from '../cited-sources.js';
import { withoutTracking } from '../sources.js';
import type { Edit } from '../types.js';

/**
 * A link to a Wikipedia article whose text names that article ("[Gang of Four](…/wiki/Gang_of_Four)") explains a
 * term; it does not cite a source for a claim. Only those in running prose, never in footnotes or bibliographies, and
 * never an autolink (`<https://…/wiki/Gang_of_Four>` names nothing but its address).
 */
function explainsTerm(text: string, target: CitedTarget): boolean {
  if (!target.link || target.link.bare || target.link.footnote || !target.url) return false;
  // An autolink's only text is its address: it cites, as the bare URL it was before the bare-url fix wrapped it.
  if (text[target.span.start] === '<') return false;
  const slug = /\/wiki\/([^?#]+)/.exec(target.url)?.[1];
  if (!slug) return false;
  let title: string;
  try {
    title = decodeURIComponent(slug);
  } catch {
    title = slug;
  }
  const words = (s: string): string[] =>
    s
      .toLowerCase()
      .replace(/\([^)]*\)/g, ' ')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1);
  const titleWords = words(title.replace(/_/g, ' '));
  const label = text.slice(target.span.start, target.span.end).replace(/\]\s*[([][\s\S]*$/, '');
  const labelWords = new Set(words(label));
  const shared = titleWords.filter((w) => labelWords.has(w)).length;
  return titleWords.length > 0 && shared * 2 >= titleWords.length;
}

export const rule = defineRule({
  meta: {
    id: 'non-source-link',
    family: 'hygiene',
    description:
      'A citation whose target is not a source: a shortened or redirect link, a search results page, a social-media post, Wikipedia itself, or a link carrying tracking parameters (fixable).',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      shortener:
        'Shortened link ({host}): readers cannot see where it leads, and it breaks when the service does. Link the full address of the page.',
      redirect: 'Redirect link ({host}): link the page it leads to, not the aggregator or search engine in between.',
      search: 'A search results page ({host}) is not a source: link the page you found.',
      social:
        'A post on {platform} is a primary source: attribute it in the text ("X said on {platform}") and archive it (web.archive.org, archive.today).',
      wiki: '{platform} is not a source: cite the sources its article relies on.',
      tracking: 'Link carries tracking parameters ({params}): remove them before publishing.',
      alsoTracking: '{message} It also carries tracking parameters ({params}).',
      fix: 'Remove tracking parameters',
    },
  },
  check(ctx) {
    const { text } = ctx.doc;
    for (const target of citedTargets(ctx.doc, ctx.sources, ctx.bibliography)) {
      const verdict = target.verdict;
      if (!verdict || verdict.ignored) continue;
      const kind = verdict.kind === 'wiki' && explainsTerm(text, target) ? undefined : verdict.kind;
      // Tracking parameters are this document's to fix; in a bibliography entry they are the .bib file's business.
      const tracking = target.key ? [] : verdict.tracking;
      if (!kind && tracking.length === 0) continue;
      const params = [...new Set(tracking)].join(', ');
      const values = { host: verdict.host, platform: verdict.platform ?? verdict.host, params };
      // Both problems: the kind's message, then the tracking parameters.
      const also =
        kind && tracking.length > 0
          ? {
              messageId: 'alsoTracking' as const,
              values: { message: format(this.meta.messages[kind], values), params },
            }
          : undefined;
      let fix: Edit[] | undefined;
      if (tracking.length > 0 && target.urlSpan) {
        const written = text.slice(target.urlSpan.start, target.urlSpan.end);
        const cleaned = withoutTracking(written);
        if (cleaned !== written) fix = [{ ...target.urlSpan, text: cleaned }];
      }
      ctx.report({
        ...(also ?? { messageId: kind ?? 'tracking', values }),
        span: target.span,
        severity: kind === 'social' ? 'info' : undefined,
        fix,
        suggestions: fix ? [{ desc: this.meta.messages.fix, edits: fix }] : undefined,
      });
    }
  },
});
