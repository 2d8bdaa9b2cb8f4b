import { defineRule } from './rule.js';

/**
 * The text a reader sees of a Markdown (`[text](url)`, `[text][ref]`) or HTML (`<a href>text</a>`) link; undefined for
 * autolinks.
 */
function linkText(source: string): string | undefined {
  if (source.startsWith('[')) {
    const end = Math.max(source.lastIndexOf(']('), source.lastIndexOf(']['));
    return end > 0 ? source.slice(1, end) : undefined;
  }
  if (/^<a\b/i.test(source)) return source.slice(source.indexOf('>') + 1, source.toLowerCase().lastIndexOf('</a'));
  return undefined;
}

export const rule = defineRule({
  meta: {
    id: 'empty-link-text',
    family: 'hygiene',
    description: 'A link with no text (`[](https://…)`): nothing to click, and a citation no reader can see.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      empty:
        "Link to {url} has no text: readers see nothing to click, and a source they cannot see sources nothing for them. Write what it links to, e.g. the source's name.",
    },
  },
  check(ctx) {
    for (const pb of ctx.doc.prose) {
      for (const link of pb.block.links) {
        if (link.bare || !link.url.trim()) continue; // A link with no target is empty-citation's.
        const text = linkText(ctx.doc.text.slice(link.span.start, link.span.end));
        // Emphasis markers and tags around nothing are still nothing; an image is something (its alt text is read out).
        if (text === undefined || text.replace(/<[^>]*>|[\s*_~`]/g, '') !== '') continue;
        ctx.report({ messageId: 'empty', values: { url: link.url }, span: link.span });
      }
    }
  },
});
