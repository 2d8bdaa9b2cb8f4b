/**
 * The speaker a title names, for an article that opens with a quotation and names its speaker nowhere else: a speech
 * or statement reprinted under "Yara Haddad: Why the deal failed", "Remarks by Yara Haddad at …", "Yara Haddad's
 * address to …". The quotation, and the paragraphs that reopen it, are that speaker's words.
 */
import type { AnalyzedDocument } from './document.js';

/** Two to four capitalised words: a person's or an office's name. */
const NAME = String.raw`(?!(?:The|A|An|Why|How|What|When|Where|Who|In|On)\s)((?:\p{Lu}[\p{L}’'.-]+\s+){1,3}\p{Lu}[\p{L}’'-]+)`;
const TITLE_SPEAKER = [
  // "Yara Haddad: “We will rebuild”", "Yara Haddad — speech at the port forum"; not "South China Sea: a history".
  new RegExp(
    String.raw`^${NAME}\s*(?::|—|–|\s-)\s*(?:["“‘]|.*\b(?:speech|remarks|address|statement|lecture|testimony|letter)\b)`,
    'u',
  ),
  new RegExp(
    String.raw`\b(?:[Ss]peech|[Rr]emarks|[Aa]ddress|[Ss]tatement|[Ll]ecture|[Tt]estimony|[Ll]etter) (?:by|of|from) ${NAME}`,
    'u',
  ),
  new RegExp(String.raw`^${NAME}['’]s (?:speech|remarks|address|statement|lecture|testimony|letter)\b`, 'u'),
  new RegExp(String.raw`^${NAME} (?:on|says|speaks|writes)\b`, 'u'),
];

/** The document's title: front matter's `title`, else its first block when that is a heading. */
function titleOf(doc: AnalyzedDocument): string | undefined {
  const declared = doc.frontMatter?.data.title;
  if (typeof declared === 'string') return declared;
  const first = doc.prose[0];
  return first?.block.kind === 'heading' ? first.text.replace(/[*_`]/g, '').trim() : undefined;
}

export function speakerInTitle(doc: AnalyzedDocument): string | undefined {
  const title = titleOf(doc);
  if (!title) return undefined;
  for (const pattern of TITLE_SPEAKER) {
    const name = pattern.exec(title)?.[1];
    if (name) return name;
  }
  return undefined;
}
