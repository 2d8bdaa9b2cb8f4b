/**
 * Start-up (issue #11): over stdio and Node IPC the server answers `initialize` itself, before loading the protocol
 * library, then hands the library everything it received. However the messages arrive, each request gets exactly one
 * answer, nothing sent meanwhile is lost, and the early answer is the one the library would have given.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import {
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  createConnection,
} from 'vscode-languageserver/node';
import { initializeResult } from 'sourcelint/lsp/capabilities.js';

const SERVER = fileURLToPath(new URL('../../server/bin/sourcelint-language-server.js', import.meta.url));
const URI = `file://${os.tmpdir()}/sourcelint-start-draft.md`;
const DRAFT = '# Budget\n\nUnemployment rose to 14.2 percent in the first quarter.\n';
/** A guard against a hang, not a speed check. */
const HANG_MS = 60_000;

type Message = { id?: number; method?: string; params?: { uri?: string; diagnostics?: Array<{ code?: unknown }> } };

const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { processId: null, rootUri: null, capabilities: { general: { positionEncodings: ['utf-8'] } } },
};
const AFTER_INITIALIZE = [
  { jsonrpc: '2.0', method: 'initialized', params: {} },
  {
    jsonrpc: '2.0',
    method: 'textDocument/didOpen',
    params: { textDocument: { uri: URI, languageId: 'markdown', version: 1, text: DRAFT } },
  },
];
const SHUTDOWN = { jsonrpc: '2.0', id: 2, method: 'shutdown', params: null };
const EXIT = { jsonrpc: '2.0', method: 'exit', params: null };

const frame = (message: object): Buffer => {
  const body = Buffer.from(JSON.stringify(message));
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
};

/** Every message the server sent, read from its stdout (LSP framing). */
function framesFrom(stdout: NodeJS.ReadableStream, into: Message[], onMessage: () => void): void {
  let buffer = Buffer.alloc(0);
  stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (let end = buffer.indexOf('\r\n\r\n'); end >= 0; end = buffer.indexOf('\r\n\r\n')) {
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())![1]);
      if (buffer.length < end + 4 + length) return;
      into.push(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString()) as Message);
      buffer = buffer.subarray(end + 4 + length);
      onMessage();
    }
  });
}

/** Resolves when `received` has a message matching `match`. */
function until(received: Message[], match: (m: Message) => boolean, arrived: EventTarget): Promise<Message> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no such message from the server')), HANG_MS);
    const check = () => {
      const found = received.find(match);
      if (!found) return;
      clearTimeout(timer);
      arrived.removeEventListener('message', check);
      resolve(found);
    };
    arrived.addEventListener('message', check);
    check();
  });
}

const answersTo = (received: Message[], id: number) => received.filter((m) => m.id === id && m.method === undefined);
const published = (m: Message) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === URI;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The session both transports go through: diagnostics for the draft, then `shutdown` and `exit`. */
async function session(server: ChildProcess, received: Message[], arrived: EventTarget, send: (m: object) => void) {
  const diagnostics = await until(received, published, arrived);
  assert.ok(
    diagnostics.params!.diagnostics!.some((d) => d.code === 'unsourced-statistic'),
    'the draft opened with the first messages is linted',
  );
  send(SHUTDOWN);
  await until(received, (m) => m.id === 2, arrived);
  const exited = once(server, 'exit');
  send(EXIT);
  const [code] = await exited;
  assert.equal(code, 0, 'exit after shutdown ends the server cleanly');
  assert.equal(answersTo(received, 1).length, 1, 'initialize is answered once');
  assert.equal(answersTo(received, 2).length, 1, 'shutdown is answered once');
  const capabilities = (answersTo(received, 1)[0] as { result?: { capabilities?: Record<string, unknown> } }).result
    ?.capabilities;
  assert.equal(capabilities?.positionEncoding, 'utf-8', 'the answer read the client’s capabilities');
  assert.equal(capabilities?.textDocumentSync, 2);
}

describe('start-up: initialize answered before the protocol library loads', () => {
  test('stdio: an initialize written in pieces, with more messages in its last piece', async () => {
    const server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const received: Message[] = [];
    const arrived = new EventTarget();
    framesFrom(server.stdout, received, () => arrived.dispatchEvent(new Event('message')));
    const first = frame(INITIALIZE);
    const header = first.indexOf('\r\n\r\n');
    // Mid-header, mid-body, then the rest of the body with the next two messages.
    for (const piece of [first.subarray(0, 8), first.subarray(8, header + 10)]) {
      server.stdin.write(piece);
      await pause(20);
    }
    server.stdin.write(Buffer.concat([first.subarray(header + 10), ...AFTER_INITIALIZE.map(frame)]));
    await session(server, received, arrived, (m) => server.stdin.write(frame(m)));
  });

  test('Node IPC, as VS Code starts it: everything sent at once, before the server listens', async () => {
    const server = fork(SERVER, ['--node-ipc'], { silent: true });
    const received: Message[] = [];
    const arrived = new EventTarget();
    server.on('message', (m: Message) => {
      received.push(m);
      arrived.dispatchEvent(new Event('message'));
    });
    for (const message of [INITIALIZE, ...AFTER_INITIALIZE]) server.send(message);
    await session(server, received, arrived, (m) => server.send(m));
  });

  test('stdio: an initialize the early answer cannot read (no capabilities) is the library’s to answer, once', async () => {
    const server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const received: Message[] = [];
    const arrived = new EventTarget();
    framesFrom(server.stdout, received, () => arrived.dispatchEvent(new Event('message')));
    server.stdin.write(frame({ ...INITIALIZE, params: { processId: null } }));
    await until(received, (m) => m.id === 1, arrived);
    server.stdin.write(frame(SHUTDOWN));
    await until(received, (m) => m.id === 2, arrived);
    server.kill();
    assert.equal(answersTo(received, 1).length, 1);
  });

  test('the early answer is what the library answers with the same handler (nothing it would add is missing)', async () => {
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    const connection = createConnection(
      ProposedFeatures.all,
      new StreamMessageReader(toServer),
      new StreamMessageWriter(fromServer),
    );
    connection.onInitialize((params) => initializeResult(params));
    connection.listen();
    const received: Message[] = [];
    const arrived = new EventTarget();
    framesFrom(fromServer, received, () => arrived.dispatchEvent(new Event('message')));
    for (const capabilities of [{}, INITIALIZE.params.capabilities, { workspace: { workspaceFolders: true } }]) {
      const id = received.length + 10;
      const params = { ...INITIALIZE.params, capabilities };
      toServer.write(frame({ ...INITIALIZE, id, params }));
      const answer = (await until(received, (m) => m.id === id, arrived)) as { result?: unknown };
      assert.deepEqual(answer.result, JSON.parse(JSON.stringify(initializeResult(params))));
    }
    connection.dispose();
  });
});
