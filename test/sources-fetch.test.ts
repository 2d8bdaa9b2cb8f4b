/**
 * `sourcelint sources fetch` against a local HTTP server on 127.0.0.1: pages, a PDF, redirects (followed, bounded,
 * to another scheme), a dead link, a timeout, huge bodies (declared and streamed), content that is no document, and
 * a URL that is not http(s). The real CLI binary, spawned asynchronously so that this process can serve it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { BIN, tempDir } from './helpers/cli.js';
import { makePdf } from './helpers/pdf.js';
import { prepareSourceCopies } from 'sourcelint/engine/evidence/prepare.js';
import type { IndexEntry } from 'sourcelint/cli/fetch.js';

function run(args: readonly string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, SOURCELINT_CACHE_DIR: path.join(cwd, '.cache') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const ARTICLE =
  '<!doctype html><html><head><title>Port data</title></head><body><article><p>Throughput fell 12% in March, the port authority said.</p></article></body></html>';

describe('sources fetch', () => {
  let server: http.Server;
  let base = '';
  let pdf: Buffer;
  const hits = new Map<string, number>();
  const agents: string[] = [];

  before(async () => {
    pdf = await makePdf([['Port statistics 2025'], ['Throughput fell 12% in March.']]);
    server = http.createServer((req, res) => {
      const url = req.url ?? '/';
      hits.set(url, (hits.get(url) ?? 0) + 1);
      agents.push(String(req.headers['user-agent']));
      switch (url) {
        case '/article':
        case '/moved/final':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
          return;
        case '/report':
          res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
          return;
        case '/notes.txt':
          res.writeHead(200, { 'content-type': 'text/plain' }).end('Plain notes: 12% in March.');
          return;
        case '/old':
          res.writeHead(301, { location: '/moved/step' }).end();
          return;
        case '/moved/step':
          res.writeHead(302, { location: 'final' }).end();
          return;
        case '/loop':
          res.writeHead(302, { location: '/loop' }).end();
          return;
        case '/to-ftp':
          res.writeHead(302, { location: 'ftp://127.0.0.1/file.pdf' }).end();
          return;
        case '/gone':
          res.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not found</p>');
          return;
        case '/error':
          res.writeHead(503).end();
          return;
        case '/slow':
          // Never answers: the CLI's --timeout must end it.
          return;
        case '/huge-declared':
          res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(50 * 1024 * 1024) });
          res.write('%PDF-1.7\n');
          return;
        case '/huge-streamed': {
          res.writeHead(200, { 'content-type': 'text/html' });
          const chunk = Buffer.alloc(64 * 1024, 'a');
          let sent = 0;
          const pump = (): void => {
            while (sent < 4 * 1024 * 1024) {
              sent += chunk.length;
              if (!res.write(chunk)) return void res.once('drain', pump);
            }
            res.end();
          };
          pump();
          return;
        }
        case '/binary':
          res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([1, 2, 3, 4]));
          return;
        default:
          res.writeHead(500).end();
      }
    });
    server.on('clientError', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  const draft = (): string =>
    [
      '---',
      'bibliography: refs.bib',
      '---',
      '',
      `Throughput fell 12% in March ([port authority](${base}/article)), the report says [@port2025].`,
      `An older page moved (${base}/old) and the notes are plain text.[^1]`,
      `Dead and broken links: [gone](${base}/gone), [error](${base}/error), [loop](${base}/loop), [ftp](ftp://127.0.0.1/file.pdf), [to ftp](${base}/to-ftp).`,
      `Slow and huge: [slow](${base}/slow), [huge](${base}/huge-declared), [streamed](${base}/huge-streamed), [binary](${base}/binary).`,
      '',
      `[^1]: Notes, ${base}/notes.txt`,
      '',
    ].join('\n');

  test('saves pages, PDFs and text into the sources folder, records each in index.json, reports every failure, exits 1', async () => {
    const { dir, cleanup } = tempDir({
      'draft.md': draft(),
      'refs.bib': `@report{port2025, title = {Port statistics}, url = {${base}/report}}\n`,
    });
    try {
      const r = await run(['sources', 'fetch', '--timeout', '1', '--max-file-size', '1', 'draft.md'], dir);
      assert.equal(r.status, 1, r.stderr);
      const index = JSON.parse(fs.readFileSync(path.join(dir, 'sources', 'index.json'), 'utf8')) as {
        sources: IndexEntry[];
      };
      const by = new Map(index.sources.map((e) => [e.url.startsWith(base) ? e.url.slice(base.length) : e.url, e]));
      assert.deepEqual(
        [...by.keys()].sort(),
        [
          '/article',
          '/binary',
          '/error',
          '/gone',
          '/huge-declared',
          '/huge-streamed',
          '/loop',
          '/notes.txt',
          '/old',
          '/report',
          '/slow',
          '/to-ftp',
          'ftp://127.0.0.1/file.pdf',
        ].sort(),
      );

      const saved = (key: string, kind: string): IndexEntry => {
        const e = by.get(key)!;
        assert.ok(e.file?.endsWith(kind), JSON.stringify(e));
        const bytes = fs.readFileSync(path.join(dir, 'sources', e.file!));
        assert.equal(e.sha256, crypto.createHash('sha256').update(bytes).digest('hex'));
        assert.equal(e.bytes, bytes.length);
        assert.equal(e.status, 200);
        assert.ok(!Number.isNaN(Date.parse(e.fetched)));
        return e;
      };
      assert.equal(saved('/article', '.html').contentType, 'text/html; charset=utf-8');
      assert.equal(saved('/report', '.pdf').contentType, 'application/pdf', 'the bibliography url field is fetched');
      assert.deepEqual(fs.readFileSync(path.join(dir, 'sources', by.get('/report')!.file!)), pdf);
      saved('/notes.txt', '.txt');
      assert.equal(
        saved('/old', '.html').finalUrl,
        `${base}/moved/final`,
        'redirects followed, relative locations resolved',
      );

      const failure = (key: string): string => {
        const e = by.get(key)!;
        assert.equal(e.file, undefined, key);
        return e.error ?? '';
      };
      assert.equal(failure('/gone'), 'dead link: HTTP 404 Not Found');
      assert.equal(by.get('/gone')!.status, 404);
      assert.equal(failure('/error'), 'HTTP 503 Service Unavailable');
      assert.equal(failure('/loop'), 'more than 5 redirects');
      assert.equal(failure('/to-ftp'), 'redirected to a ftp: URL, not followed');
      assert.equal(failure('ftp://127.0.0.1/file.pdf'), 'not an http or https URL (ftp:), not fetched');
      assert.equal(failure('/slow'), 'timed out after 1 s');
      assert.equal(failure('/huge-declared'), '50 MB, larger than the 1 MB limit, not saved');
      assert.equal(failure('/huge-streamed'), 'larger than the 1 MB limit, not saved');
      assert.equal(failure('/binary'), 'content type application/octet-stream is not HTML, PDF or text, not saved');
      assert.equal(hits.get('/loop'), 6, 'the first request and five redirects, no more');

      const errors = r.stderr.split('\n').filter(Boolean);
      assert.equal(errors.length, 9, r.stderr);
      assert.ok(errors.includes(`sourcelint: ${base}/gone: dead link: HTTP 404 Not Found`), r.stderr);
      assert.match(r.stdout, /sources: 4 saved, 9 failed, 0 already saved/);
      assert.ok(
        agents.every((a) => /^Sourcelint\/\d+\.\d+\.\d+ \(.*https:\/\/github\.com\/sourcelint\/sourcelint\)$/.test(a)),
        agents[0],
      );
      assert.deepEqual(fs.readdirSync(path.join(dir, 'sources')).length, 5, 'four copies and the index');

      // Again: what is saved is not fetched again; what failed is retried; the index keeps one entry per URL.
      const before = hits.get('/article');
      const again = await run(['sources', 'fetch', '--timeout', '1', '--max-file-size', '1', 'draft.md'], dir);
      assert.equal(again.status, 1);
      assert.equal(hits.get('/article'), before);
      assert.equal(hits.get('/gone'), 2);
      assert.match(again.stdout, /already saved {2}http:\/\/127\.0\.0\.1:\d+\/article\n/);
      assert.match(again.stdout, /sources: 0 saved, 9 failed, 4 already saved/);
      const reindexed = JSON.parse(fs.readFileSync(path.join(dir, 'sources', 'index.json'), 'utf8')) as {
        sources: IndexEntry[];
      };
      assert.equal(reindexed.sources.length, 13);
    } finally {
      cleanup();
    }
  });

  test('--out saves elsewhere; a document with nothing to fail exits 0; linting then finds the copies in index.json', async () => {
    const { dir, cleanup } = tempDir({
      'a.md': `Throughput fell 12% in March ([data](${base}/article)).\n`,
      '.sourcelintrc.json': '{ "sources": { "dir": "archive" } }',
    });
    try {
      const r = await run(['sources', 'fetch', '--out', 'elsewhere', 'a.md'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.equal(fs.readdirSync(path.join(dir, 'elsewhere')).length, 2);
      assert.equal(fs.existsSync(path.join(dir, 'sources')), false);
      const configured = await run(['sources', 'fetch', 'a.md'], dir);
      assert.equal(configured.status, 0, configured.stderr);
      assert.equal(fs.readdirSync(path.join(dir, 'archive')).length, 2, 'sources.dir is where copies go by default');
      const prepared = await prepareSourceCopies({
        filePath: path.join(dir, 'a.md'),
        sourcesDir: path.join(dir, 'archive'),
        cacheDir: false,
      });
      assert.deepEqual(prepared.copies.byUrl(`${base}/article#top`)?.pages, [
        'Port data\n\nThroughput fell 12% in March, the port authority said.',
      ]);
    } finally {
      cleanup();
    }
  });

  test('usage errors exit 2', async () => {
    const { dir, cleanup } = tempDir({ 'a.md': 'Text.\n' });
    try {
      for (const args of [
        ['sources', 'fetch', '--timeout', 'soon', 'a.md'],
        ['sources', 'fetch'],
        ['--timeout', '3', 'a.md'],
        ['sources', 'fetch', '--stdin'],
      ]) {
        const r = await run(args, dir);
        assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
        assert.equal(r.stderr.split('\n').filter(Boolean).length, 1, r.stderr);
      }
    } finally {
      cleanup();
    }
  });
});
