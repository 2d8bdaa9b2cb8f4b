import { defineRule } from './rule.js';
import type { Edit, Span } from '../types.js';

/**
 * `<url>`, an autolink. In an autolink a backslash is a literal character, so the source's escapes (`a\_b`) are
 * resolved first; a URL the writer already put in escaped brackets (`\<url>`) loses the escape, not gains brackets.
 * `<www.…>` is not an autolink in CommonMark: it gets its scheme.
 */
function wrapInAngleBrackets(text: string, span: Span, url: string): Edit {
  const target = url.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  const autolink = `<${target.startsWith('www.') ? 'https://' : ''}${target}>`;
  if (text.slice(span.start - 2, span.start) === '\\<' && text[span.end] === '>')
    return { start: span.start - 2, end: span.end + 1, text: autolink };
  return { ...span, text: autolink };
}

/**
 * `<a href="url">url</a>`: in a raw HTML block `<url>` is not an autolink but an unknown tag, which hides the URL.
 * HTML has no backslash escapes, and a bare URL holds no `"`, so the URL goes into the attribute as written.
 */
function wrapInAnchor(span: Span, url: string): Edit {
  return { ...span, text: `<a href="${url.startsWith('www.') ? 'https://' : ''}${url}">${url}</a>` };
}

const CONTROL = /[\u0000-\u001f\u007f]/;

export const rule = defineRule({
  meta: {
    id: 'bare-url',
    family: 'hygiene',
    description: 'A URL pasted as plain text instead of a link or a cited source.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      bare: 'Bare URL {url}: make it a link with a descriptive title, or move it into a footnote as the source.',
    },
  },
  check(ctx) {
    for (const pb of ctx.doc.prose) {
      for (const link of pb.block.links) {
        if (!link.bare) continue;
        const text = ctx.doc.text;
        const url = text.slice(link.span.start, link.span.end);
        // In a stretch linted as plain text, or already between < and >, brackets would not make it a link; nor
        // around a URL with an ASCII control character in it, which no autolink may hold.
        const inert =
          ctx.doc.parsed.plain.some((s) => s.start <= link.span.start && link.span.end <= s.end) ||
          (text[link.span.start - 1] === '<' && text[link.span.end] === '>' && text[link.span.start - 2] !== '\\') ||
          (!pb.block.html && CONTROL.test(url));
        if (inert) {
          ctx.report({ messageId: 'bare', values: { url }, span: link.span });
          continue;
        }
        const fix = [pb.block.html ? wrapInAnchor(link.span, url) : wrapInAngleBrackets(text, link.span, url)];
        ctx.report({
          messageId: 'bare',
          values: { url },
          span: link.span,
          fix,
          suggestions: [{ desc: pb.block.html ? 'Wrap in <a href>' : 'Wrap in <…>', edits: fix }],
        });
      }
    }
  },
});
