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
import { encodeFrame, readFrames, type Message } from './helpers/lsp-client.js';

const SERVER = fileURLToPath(new URL('../../server/bin/sourcelint-language-server.js', import.meta.url));
const URI = `file://${os.tmpdir()}/sourcelint-start-draft.md`;
const DRAFT = '# Budget\n\nUnemployment rose to 14.2 percent in the first quarter.\n';
/** A guard against a hang, not a speed check. */
const HANG_MS = 60_000;

type Diagnostics = { uri?: string; diagnostics?: Array<{ code?: unknown }> };

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

/** The messages the server sent, in order, and a way to wait for one. */
class Inbox {
  readonly messages: Message[] = [];
  private readonly arrived = new EventTarget();
  readonly push = (message: Message): void => {
    this.messages.push(message);
    this.arrived.dispatchEvent(new Event('message'));
  };

  /** Resolves with the first message matching `match`, received already or to come. */
  until(match: (m: Message) => boolean): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no such message from the server')), HANG_MS);
      const check = () => {
        const found = this.messages.find(match);
        if (!found) return;
        clearTimeout(timer);
        this.arrived.removeEventListener('message', check);
        resolve(found);
      };
      this.arrived.addEventListener('message', check);
      check();
    });
  }

  answersTo(id: number): Message[] {
    return this.messages.filter((m) => m.id === id && m.method === undefined);
  }
}

const published = (m: Message) =>
  m.method === 'textDocument/publishDiagnostics' && (m.params as Diagnostics).uri === URI;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The session both transports go through: diagnostics for the draft, then `shutdown` and `exit`. */
async function session(server: ChildProcess, inbox: Inbox, send: (m: object) => void) {
  const diagnostics = await inbox.until(published);
  assert.ok(
    (diagnostics.params as Diagnostics).diagnostics!.some((d) => d.code === 'unsourced-statistic'),
    'the draft opened with the first messages is linted',
  );
  send(SHUTDOWN);
  await inbox.until((m) => m.id === 2);
  const exited = once(server, 'exit');
  send(EXIT);
  const [code] = await exited;
  assert.equal(code, 0, 'exit after shutdown ends the server cleanly');
  assert.equal(inbox.answersTo(1).length, 1, 'initialize is answered once');
  assert.equal(inbox.answersTo(2).length, 1, 'shutdown is answered once');
  const capabilities = (inbox.answersTo(1)[0] as { result?: { capabilities?: Record<string, unknown> } }).result
    ?.capabilities;
  assert.equal(capabilities?.positionEncoding, 'utf-8', 'the answer read the client’s capabilities');
  assert.equal(capabilities?.textDocumentSync, 2);
}

describe('start-up: initialize answered before the protocol library loads', () => {
  test('stdio: an initialize written in pieces, with more messages in its last piece', async () => {
    const server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const inbox = new Inbox();
    readFrames(server.stdout, inbox.push);
    const first = encodeFrame(INITIALIZE);
    const header = first.indexOf('\r\n\r\n');
    // Mid-header, mid-body, then the rest of the body with the next two messages.
    for (const piece of [first.subarray(0, 8), first.subarray(8, header + 10)]) {
      server.stdin.write(piece);
      await pause(20);
    }
    server.stdin.write(Buffer.concat([first.subarray(header + 10), ...AFTER_INITIALIZE.map(encodeFrame)]));
    await session(server, inbox, (m) => server.stdin.write(encodeFrame(m)));
  });

  test('Node IPC, as VS Code starts it: everything sent at once, before the server listens', async () => {
    const server = fork(SERVER, ['--node-ipc'], { silent: true });
    const inbox = new Inbox();
    server.on('message', inbox.push);
    for (const message of [INITIALIZE, ...AFTER_INITIALIZE]) server.send(message);
    await session(server, inbox, (m) => server.send(m));
  });

  test('stdio: an initialize the early answer cannot read (no capabilities) is the library’s to answer, once', async () => {
    const server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const inbox = new Inbox();
    readFrames(server.stdout, inbox.push);
    server.stdin.write(encodeFrame({ ...INITIALIZE, params: { processId: null } }));
    await inbox.until((m) => m.id === 1);
    server.stdin.write(encodeFrame(SHUTDOWN));
    await inbox.until((m) => m.id === 2);
    server.kill();
    assert.equal(inbox.answersTo(1).length, 1);
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
    const inbox = new Inbox();
    readFrames(fromServer, inbox.push);
    for (const capabilities of [{}, INITIALIZE.params.capabilities, { workspace: { workspaceFolders: true } }]) {
      const id = inbox.messages.length + 10;
      const params = { ...INITIALIZE.params, capabilities };
      toServer.write(encodeFrame({ ...INITIALIZE, id, params }));
      const answer = (await inbox.until((m) => m.id === id)) as { result?: unknown };
      assert.deepEqual(answer.result, JSON.parse(JSON.stringify(initializeResult(params))));
    }
    connection.dispose();
  });
});
