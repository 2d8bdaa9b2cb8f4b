/** A minimal JSON-RPC client over stdio for the real, built language server: no mocks, Content-Length framing. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SERVER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../server/bin/sourcelint-language-server.js',
);

/**
 * How long an answer or a notification may take before the test fails as hung: a guard, not a speed check, so long
 * enough for a machine busy with other test files and other work.
 */
const HANG_MS = 60_000;

export type Message = {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
};

/** A refusal to send back, e.g. MethodNotFound (-32601) as Neovim answers requests it has no handler for. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** A message in the protocol's framing: a Content-Length header, then the JSON body. */
export function encodeFrame(message: object): Buffer {
  const body = Buffer.from(JSON.stringify(message));
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
}

/** Calls `onMessage` with each framed message read from `stream`, however its chunks cut the frames. */
export function readFrames(stream: NodeJS.ReadableStream, onMessage: (msg: Message) => void): void {
  let buffer = Buffer.alloc(0);
  stream.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())![1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const msg = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as Message;
      buffer = buffer.subarray(headerEnd + 4 + length);
      onMessage(msg);
    }
  });
}

export class LspClient {
  private readonly proc: ChildProcessWithoutNullStreams;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: Message) => void }>();
  readonly notifications: Message[] = [];
  private waiters: Array<{ match: (m: Message) => boolean; resolve: (m: Message) => void }> = [];
  /**
   * Answers to server → client requests (workspace/configuration, client/registerCapability…); throw an RpcError to
   * refuse one.
   */
  onRequest: (method: string, params: unknown) => unknown = () => null;
  /** Every request the server sent, in order. */
  readonly serverRequests: Message[] = [];
  stderr = '';

  /** `server`: the built server by default; tests of the bundle pass dist/server.mjs, run from a folder of its own. */
  constructor(server = SERVER, cwd?: string, env?: NodeJS.ProcessEnv) {
    this.proc = spawn(process.execPath, [server, '--stdio'], { stdio: 'pipe', cwd, env });
    readFrames(this.proc.stdout, (msg) => this.dispatch(msg));
    this.proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  private dispatch(msg: Message): void {
    if (msg.id !== undefined && msg.method) {
      this.serverRequests.push(msg);
      try {
        this.send({ id: msg.id, result: this.onRequest(msg.method, msg.params) ?? null });
      } catch (e) {
        if (!(e instanceof RpcError)) throw e;
        this.send({ id: msg.id, error: { code: e.code, message: e.message } });
      }
    } else if (msg.id !== undefined) {
      this.pending.get(msg.id)?.resolve(msg);
      this.pending.delete(msg.id);
    } else {
      this.notifications.push(msg);
      this.waiters = this.waiters.filter((w) => (w.match(msg) ? (w.resolve(msg), false) : true));
    }
  }

  private send(msg: object): void {
    this.proc.stdin.write(encodeFrame({ jsonrpc: '2.0', ...msg }));
  }

  async request<T = unknown>(method: string, params: unknown): Promise<T> {
    const msg = await this.requestRaw(method, params);
    if (msg.error) throw new Error(`${method}: ${msg.error.message}`);
    return msg.result as T;
  }

  requestRaw(method: string, params: unknown): Promise<Message> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${method}: no answer in ${HANG_MS / 1000} s; stderr: ${this.stderr}`)),
        HANG_MS,
      );
      this.pending.set(id, { resolve: (m) => (clearTimeout(timer), resolve(m)) });
      this.send({ id, method, params });
    });
  }

  /**
   * The handshake: `initialize` for the workspace at `root` (a client that declares no capabilities unless `params`
   * says otherwise), then `initialized`. Resolves to the server's answer.
   */
  async initialize<T = unknown>(root: string, params: Record<string, unknown> = {}): Promise<T> {
    const result = await this.request<T>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      capabilities: {},
      workspaceFolders: null,
      ...params,
    });
    this.notify('initialized', {});
    return result;
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /**
   * Several messages in one write, as a client sends what it queued while the server was busy: the server reads them
   * together. Resolves to the answers of the requests among them (undefined for notifications), in order.
   */
  burst(
    messages: ReadonlyArray<{ method: string; params: unknown; request?: boolean }>,
  ): Promise<Message | undefined>[] {
    const answers: Promise<Message | undefined>[] = [];
    const frames = messages.map(({ method, params, request }) => {
      const id = request ? this.nextId++ : undefined;
      answers.push(
        id === undefined
          ? Promise.resolve(undefined)
          : new Promise((resolve) => this.pending.set(id, { resolve: (m) => resolve(m) })),
      );
      return encodeFrame({ jsonrpc: '2.0', id, method, params });
    });
    this.proc.stdin.write(Buffer.concat(frames));
    return answers;
  }

  /** The next notification matching `match` (including one already received after `since`). */
  waitFor(match: (m: Message) => boolean, timeoutMs = HANG_MS): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`notification not received in ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  diagnosticsFor(uri: string, predicate: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    return this.waitFor(
      (m) =>
        m.method === 'textDocument/publishDiagnostics' &&
        (m.params as { uri: string }).uri === uri &&
        predicate((m.params as { diagnostics: Diagnostic[] }).diagnostics),
    ).then((m) => (m.params as { diagnostics: Diagnostic[] }).diagnostics);
  }

  /**
   * Ends the server as a client should (`shutdown`, then `exit`) and waits for it to exit by itself, so that it writes
   * what exiting writes (V8 coverage under NODE_V8_COVERAGE); one that does not exit in 5 s is killed.
   */
  async close(): Promise<void> {
    try {
      await this.request('shutdown', null);
      this.notify('exit', null);
      await this.exited(5_000);
    } finally {
      if (this.alive) this.proc.kill();
    }
  }

  /** Resolves when the process has exited, or after `timeoutMs`. */
  private exited(timeoutMs: number): Promise<void> {
    if (!this.alive) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.proc.once('exit', () => (clearTimeout(timer), resolve()));
    });
  }

  get pid(): number {
    return this.proc.pid!;
  }

  get alive(): boolean {
    return this.proc.exitCode === null;
  }
}

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  code: string;
  source: string;
  message: string;
  severity: number;
  codeDescription?: { href: string };
  data?: unknown;
}
export interface TextEdit {
  range: Range;
  newText: string;
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offsetAt = (p: Position): number => {
    let offset = 0;
    for (let line = 0; line < p.line; line++) {
      const nl = text.indexOf('\n', offset);
      if (nl < 0) return text.length;
      offset = nl + 1;
    }
    return offset + p.character;
  };
  const sorted = [...edits]
    .map((e) => ({ start: offsetAt(e.range.start), end: offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
