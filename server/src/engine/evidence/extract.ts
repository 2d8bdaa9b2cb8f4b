/**
 * The text of a saved copy, page by page. PDF with Mozilla's pdf.js (the legacy build, for Node; no worker thread,
 * no network, no fonts, no eval: only the text layer is read), HTML with Mozilla's Readability (Firefox's reader view)
 * on linkedom, plain text and Markdown as they are. Whitespace is tidied, nothing else: the rules compare against it.
 *
 * linkedom, not jsdom: on two article pages with navigation, cookie banner, sidebar and footer, Readability kept the
 * same text on both, and linkedom took 3–7× less time (and is a fraction of the size in the bundle).
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { createRequire } from 'node:module';
import type { CopyKind } from './locate.js';

/** A copy that cannot be read, with why in a few words (callers add the file name). */
export class ExtractionError extends Error {}

/** Spaces and tabs collapsed, lines trimmed at the end, runs of blank lines made one; line breaks kept. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\u00ad]/g, '')
    .replace(/[ \t\f]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export async function extractText(bytes: Uint8Array, kind: CopyKind): Promise<string[]> {
  switch (kind) {
    case 'pdf':
      return extractPdf(bytes);
    case 'html':
      return [extractHtml(decode(bytes, charsetOf(bytes)))];
    case 'text':
      return [extractPlain(bytes)];
  }
}

function extractPlain(bytes: Uint8Array): string {
  if (bytes.subarray(0, 8000).includes(0)) throw new ExtractionError('binary data, not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ExtractionError('not valid UTF-8 text');
  }
  return tidyText(text);
}

/** The charset a page declares in its first bytes (`<meta charset>`, `http-equiv`), if any. */
function charsetOf(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]{0,200}?charset\s*=\s*["']?([\w-]{1,40})/i.exec(head)?.[1];
}

function decode(bytes: Uint8Array, charset = 'utf-8'): string {
  if (bytes.subarray(0, 8000).includes(0)) throw new ExtractionError('binary data, not HTML');
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

type LinkedomModule = typeof import('linkedom');
type ReadabilityModule = typeof import('@mozilla/readability');
let html: { linkedom: LinkedomModule; readability: ReadabilityModule } | undefined;

/** Elements whose text is a block of its own: a line break after each keeps paragraphs, list items and cells apart. */
const BLOCKS = 'p,h1,h2,h3,h4,h5,h6,li,dt,dd,blockquote,pre,tr,th,td,caption,figcaption,div,section,article,header,footer,br,hr';

/** The main text of a page, as a reader view shows it; the whole body if Readability finds no article. */
export function extractHtml(source: string): string {
  // Loaded on first use: most lints read no saved copy.
  html ??= { linkedom: createRequire(import.meta.url)('linkedom') as LinkedomModule, readability: createRequire(import.meta.url)('@mozilla/readability') as ReadabilityModule };
  const { document } = html.linkedom.parseHTML(source);
  let article: { title?: string | null; content?: string | null } | null = null;
  try {
    article = new html.readability.Readability(document as unknown as Document, { keepClasses: false }).parse();
  } catch {
    article = null;
  }
  const body = article?.content ? html.linkedom.parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document : html.linkedom.parseHTML(source).document;
  for (const el of body.querySelectorAll('script,style,noscript,template,svg,nav')) el.remove();
  if (!article) for (const el of body.querySelectorAll('header,footer,aside,form')) el.remove();
  for (const el of body.querySelectorAll(BLOCKS)) el.after(body.createTextNode('\n'));
  const text = tidyText(body.body?.textContent ?? '');
  const title = article?.title?.trim();
  return title && !text.startsWith(title) ? `${title}\n\n${text}` : text;
}

type PdfModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfModule> | undefined;

/**
 * Only what pdf.js builds when it loads (an identity matrix for rendering); text extraction never uses it. Lent while
 * pdf.js loads when the optional native canvas package is not there to provide the real one (the bundle never has it).
 */
class IdentityMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
}

/**
 * pdf.js, set up to run on this thread: its "worker" is loaded here and handed over through `globalThis.pdfjsWorker`
 * (so no worker script is looked for on disk or on the network). Its load-time warnings about the optional canvas
 * package, which only rendering needs, would reach the CLI's stderr or the editor's log for nothing: they are silenced.
 */
function loadPdfjs(): Promise<PdfModule> {
  pdfjs ??= (async () => {
    const warn = console.warn;
    const g = globalThis as { pdfjsWorker?: unknown; DOMMatrix?: unknown };
    const lent = g.DOMMatrix === undefined;
    console.warn = () => undefined;
    try {
      g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      if (lent) g.DOMMatrix = IdentityMatrix;
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.warn = warn;
      if (lent && g.DOMMatrix === IdentityMatrix) delete g.DOMMatrix;
    }
  })();
  return pdfjs;
}

async function extractPdf(bytes: Uint8Array): Promise<string[]> {
  const { getDocument } = await loadPdfjs();
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    useWasm: false,
    verbosity: 0,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (e) {
      const name = (e as Error).name;
      if (name === 'PasswordException') throw new ExtractionError('encrypted PDF (password needed), not read');
      throw new ExtractionError(`not a readable PDF (${(e as Error).message})`);
    }
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(tidyText(text));
      page.cleanup();
      // A long PDF must not hold the event loop: the language server answers keystrokes between pages.
      await yieldToEventLoop();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}
