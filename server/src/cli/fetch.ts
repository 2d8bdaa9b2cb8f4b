/**
 * `sourcelint sources fetch`: saves a copy of every URL the documents cite into their sources folder and records each
 * download in its `index.json` (URL, final URL, date, HTTP status, content type, sha256), so the evidence rules can
 * check figures and quotations offline. The only command that touches the network, and only when run: Node's own
 * fetch, http(s) only, a bounded number of redirects, a size limit and a timeout per URL, a User-Agent naming us.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  citedUrls,
  copyKind,
  escapeControls,
  INDEX_FILE,
  lint,
  readRegularTextFile,
  type ConfigLoader,
} from '../engine/index.js';
import { readText } from './lint-file.js';

export interface FetchOptions {
  /** Save here instead of each document's sources folder. */
  outDir?: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** Downloads at a time. */
  parallel: number;
}

/** One line of `index.json`. */
export interface IndexEntry {
  url: string;
  finalUrl?: string;
  /** Relative to the index; absent when the download failed. */
  file?: string;
  fetched: string;
  status?: number;
  contentType?: string;
  sha256?: string;
  bytes?: number;
  error?: string;
}

class FetchFailure extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly finalUrl?: string,
  ) {
    super(message);
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const EXTENSIONS: Record<string, string> = { pdf: '.pdf', html: '.html', text: '.txt' };

const megabytes = (n: number): string => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;

/** The body, read no further than `maxBytes`. */
async function readBody(response: Response, maxBytes: number, finalUrl: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes)
    throw new FetchFailure(
      `${megabytes(declared)}, larger than the ${megabytes(maxBytes)} limit, not saved`,
      response.status,
      finalUrl,
    );
  const chunks: Buffer[] = [];
  let length = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      length += chunk.length;
      if (length > maxBytes) {
        await response.body.cancel().catch(() => undefined);
        throw new FetchFailure(`larger than the ${megabytes(maxBytes)} limit, not saved`, response.status, finalUrl);
      }
      chunks.push(Buffer.from(chunk));
    }
  }
  return Buffer.concat(chunks);
}

/** GET with redirects followed by hand (each hop checked for its scheme and counted). */
async function download(
  url: string,
  options: FetchOptions,
): Promise<{ finalUrl: string; status: number; contentType: string; body: Buffer }> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let current = url;
  try {
    for (let hops = 0; ; hops++) {
      const protocol = new URL(current).protocol;
      if (protocol !== 'http:' && protocol !== 'https:')
        throw new FetchFailure(
          hops === 0
            ? `not an http or https URL (${protocol}), not fetched`
            : `redirected to a ${protocol} URL, not followed`,
          undefined,
          current,
        );
      const response = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: {
          'user-agent': options.userAgent,
          accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5',
        },
      });
      const location = response.headers.get('location');
      if (REDIRECTS.has(response.status) && location) {
        await response.body?.cancel().catch(() => undefined);
        if (hops >= options.maxRedirects)
          throw new FetchFailure(`more than ${options.maxRedirects} redirects`, response.status, current);
        current = new URL(location, current).href;
        continue;
      }
      if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel().catch(() => undefined);
        const dead = response.status === 404 || response.status === 410;
        throw new FetchFailure(
          `${dead ? 'dead link: ' : ''}HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''}`,
          response.status,
          current,
        );
      }
      const body = await readBody(response, options.maxBytes, current);
      return {
        finalUrl: current,
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body,
      };
    }
  } catch (e) {
    if (e instanceof FetchFailure) throw e;
    const err = e as Error & { cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError' || (err.name === 'AbortError' && signal.aborted))
      throw new FetchFailure(`timed out after ${options.timeoutMs / 1000} s`, undefined, current);
    throw new FetchFailure(
      `cannot fetch (${err.cause?.code ?? err.cause?.message ?? err.message})`,
      undefined,
      current,
    );
  }
}

/** What the body is: its content type, else what its first bytes say. */
function kindOf(contentType: string, body: Buffer): 'pdf' | 'html' | 'text' | undefined {
  if (body.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  const kind = copyKind('', contentType);
  if (kind) return kind;
  return /^\s*<(!doctype html|html)/i.test(body.subarray(0, 512).toString('latin1')) ? 'html' : undefined;
}

/** `example.org/reports/2022` → `example.org-reports-2022-1a2b3c4d`: readable, and distinct per URL. */
function fileNameFor(url: string, extension: string): string {
  const u = new URL(url);
  const slug = `${u.hostname.replace(/^www\./, '')}${u.pathname}`
    .toLowerCase()
    .replace(/\.(pdf|html?|txt|md)$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${slug}-${crypto.createHash('sha256').update(url).digest('hex').slice(0, 8)}${extension}`;
}

function readIndex(file: string): IndexEntry[] {
  if (!fs.existsSync(file)) return [];
  const data = JSON.parse(readRegularTextFile(file)) as { sources?: IndexEntry[] };
  if (!Array.isArray(data?.sources)) throw new Error('expected { "sources": [ … ] }');
  return data.sources;
}

async function fetchOne(url: string, dir: string, options: FetchOptions): Promise<IndexEntry> {
  const fetched = new Date().toISOString();
  try {
    const { finalUrl, status, contentType, body } = await download(url, options);
    const kind = kindOf(contentType, body);
    if (!kind)
      throw new FetchFailure(
        `content type ${contentType || 'unknown'} is not HTML, PDF or text, not saved`,
        status,
        finalUrl,
      );
    const name = fileNameFor(url, EXTENSIONS[kind]);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, name), body);
    return {
      url,
      finalUrl,
      file: name,
      fetched,
      status,
      contentType,
      sha256: crypto.createHash('sha256').update(body).digest('hex'),
      bytes: body.length,
    };
  } catch (e) {
    if (!(e instanceof FetchFailure)) throw e;
    return { url, finalUrl: e.finalUrl !== url ? e.finalUrl : undefined, fetched, status: e.status, error: e.message };
  }
}

/**
 * Fetches what `files` cite. A URL already saved in the folder's index is not fetched again. Prints one line per URL
 * on stdout and each failure on stderr; returns the exit code (0 all saved, 1 any failed, 2 a file or index unusable).
 */
export async function fetchSources(
  files: readonly string[],
  loader: ConfigLoader,
  options: FetchOptions,
  maxFileBytes: number | undefined,
  cwd: string,
): Promise<number> {
  const byDir = new Map<string, Set<string>>();
  let code = 0;
  const err = (m: string): void => void process.stderr.write(`sourcelint: ${escapeControls(m)}\n`);
  for (const file of files) {
    const read = readText(file, maxFileBytes);
    if ('error' in read) {
      err(`${file}: ${read.error}`);
      code = 2;
      continue;
    }
    const layers = loader.layersFor(path.dirname(file));
    const result = lint(read.text, {
      filePath: file,
      layers,
      maxFileBytes,
      roots: [cwd, path.dirname(file), ...layers.map((l) => path.dirname(l.file))],
    });
    const dir = options.outDir
      ? path.resolve(options.outDir)
      : (result.config.sourcesDir ?? path.join(path.dirname(file), 'sources'));
    const urls = byDir.get(dir) ?? new Set<string>();
    for (const u of citedUrls(result)) urls.add(u);
    byDir.set(dir, urls);
  }
  for (const [dir, urls] of byDir) {
    const indexFile = path.join(dir, INDEX_FILE);
    let entries: IndexEntry[];
    try {
      entries = readIndex(indexFile);
    } catch (e) {
      err(`${indexFile}: cannot read the index (${(e as Error).message}); fix or remove it`);
      code = 2;
      continue;
    }
    const saved = new Set(entries.filter((e) => e.file && fs.existsSync(path.join(dir, e.file))).map((e) => e.url));
    const todo = [...urls].filter((u) => !saved.has(u));
    const rel = path.relative(cwd, dir) || '.';
    for (const u of urls) if (saved.has(u)) process.stdout.write(`already saved  ${escapeControls(u)}\n`);
    const done: IndexEntry[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(options.parallel, todo.length) }, async () => {
        while (next < todo.length) {
          const entry = await fetchOne(todo[next++], dir, options);
          done.push(entry);
          if (entry.file)
            process.stdout.write(escapeControls(`saved          ${entry.url} → ${path.join(rel, entry.file)}`) + '\n');
          else {
            process.stdout.write(escapeControls(`failed         ${entry.url}: ${entry.error}`) + '\n');
            err(`${entry.url}: ${entry.error}`);
            code = Math.max(code, 1);
          }
        }
      }),
    );
    if (done.length === 0) continue;
    const replaced = new Set(done.map((e) => e.url));
    const order = new Map(todo.map((u, i) => [u, i]));
    const merged = [
      ...entries.filter((e) => !replaced.has(e.url)),
      ...done.sort((a, b) => order.get(a.url)! - order.get(b.url)!),
    ];
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(indexFile, JSON.stringify({ sources: merged }, null, 2) + '\n');
    const failed = done.filter((e) => !e.file).length;
    process.stdout.write(
      `${rel}: ${done.length - failed} saved, ${failed} failed, ${urls.size - todo.length} already saved\n`,
    );
  }
  return code;
}
