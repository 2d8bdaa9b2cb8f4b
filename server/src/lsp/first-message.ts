/**
 * The client's first message, read before vscode-languageserver is loaded: loading it (~200 KB of protocol code) took
 * a third of the time to answer `initialize`. main.ts answers that message itself when it is `initialize`, then hands
 * the connection everything received, the first message included, through a relay; the connection's own answer to it
 * is dropped (`withoutAnswerTo`). Over stdio and Node IPC, the transports the server is started with by editors; the
 * others (socket, pipe) are left to the library from the start.
 */
import { EventEmitter } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type * as Lsp from 'vscode-languageserver/node';

export type Transport = 'stdio' | 'ipc';

/** A request as far as main.ts needs to read one. */
export interface FirstRequest {
  id: number | string;
  method: string;
  params: unknown;
}

/** Headers longer than this are not a client's: the early answer is given up, the library reports the error. */
const MAX_HEADER_BYTES = 8 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');

export function transportOf(argv: readonly string[]): Transport | undefined {
  if (argv.includes('--node-ipc')) return 'ipc';
  if (argv.includes('--stdio')) return 'stdio';
  return undefined;
}

function asRequest(message: unknown): FirstRequest | undefined {
  const m = message as Partial<FirstRequest> | null;
  return m && typeof m === 'object' && typeof m.method === 'string' && ['number', 'string'].includes(typeof m.id)
    ? (m as FirstRequest)
    : undefined;
}

/**
 * The body of the first LSP frame in `received`: `undefined` while it is incomplete, `null` when it cannot be one
 * (no Content-Length, headers too long, a body that is not JSON).
 */
function firstFrame(received: Buffer): unknown {
  const headerEnd = received.indexOf(HEADER_END);
  if (headerEnd < 0) return received.length > MAX_HEADER_BYTES ? null : undefined;
  const length = /^content-length:\s*(\d+)\s*$/im.exec(received.subarray(0, headerEnd).toString('ascii'))?.[1];
  if (length === undefined) return null;
  const bodyStart = headerEnd + HEADER_END.length;
  if (received.length < bodyStart + Number(length)) return undefined;
  try {
    return JSON.parse(received.subarray(bodyStart, bodyStart + Number(length)).toString('utf8'));
  } catch {
    return null;
  }
}

/** What of vscode-languageserver the connection's ends are made with, once it is loaded. */
type Library = Pick<typeof Lsp, 'StreamMessageWriter' | 'IPCMessageReader' | 'IPCMessageWriter'>;

/** What was read of the client's input, and the connection's ends, which read all of it, once the library is loaded. */
export interface Received {
  first: FirstRequest | undefined;
  reader(lsp: Library): Lsp.MessageReader;
  writer(lsp: Library): Lsp.MessageWriter;
}

function receiveStdio(stdin: Readable): Promise<Received> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let ended = false;
    const done = (message: unknown) => {
      stdin.off('data', onData).off('end', onEnd);
      stdin.pause();
      resolve({
        first: asRequest(message),
        // A stream, not a reader: the library then ends the process when it ends, as it does with stdin.
        reader: () => {
          const through = new PassThrough();
          for (const chunk of chunks) through.write(chunk);
          return (ended ? through.end() : stdin.pipe(through)) as unknown as Lsp.MessageReader;
        },
        writer: (lsp) => new lsp.StreamMessageWriter(process.stdout),
      });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      const message = firstFrame(Buffer.concat(chunks));
      if (message !== undefined) done(message);
    };
    const onEnd = () => {
      ended = true;
      done(null);
    };
    stdin.on('data', onData).on('end', onEnd);
  });
}

/**
 * Over IPC a message is an object, and one that comes with no listener is lost: everything received is held until
 * the connection's reader listens on the relay.
 */
function receiveIpc(proc: NodeJS.Process): Promise<Received> {
  return new Promise((resolve) => {
    const held: unknown[] = [];
    const hold = (message: unknown) => {
      if (held.push(message) > 1) return;
      resolve({
        first: asRequest(message),
        reader: (lsp) => {
          const relay = new EventEmitter();
          const forward = (m: unknown) => relay.emit('message', m);
          relay.once('newListener', function replay(event: string) {
            if (event !== 'message') return void relay.once('newListener', replay);
            // Emitted before the reader's listener is added: what was held is replayed on the next turn.
            setImmediate(() => {
              proc.off('message', hold);
              held.forEach(forward);
              proc.on('message', forward);
            });
          });
          for (const event of ['error', 'close']) proc.on(event, (...args: unknown[]) => relay.emit(event, ...args));
          return new lsp.IPCMessageReader(relay as unknown as NodeJS.Process);
        },
        writer: (lsp) => new lsp.IPCMessageWriter(proc),
      });
    };
    proc.on('message', hold);
  });
}

export function receiveFirst(transport: Transport): Promise<Received> {
  return transport === 'ipc' ? receiveIpc(process) : receiveStdio(process.stdin);
}

/** Writes the answer to the first request in the transport's own framing, before the connection exists. */
export function answerFirst(transport: Transport, id: FirstRequest['id'], result: unknown): void {
  const message = { jsonrpc: '2.0', id, result };
  if (transport === 'ipc') {
    process.send?.(message);
    return;
  }
  const body = JSON.stringify(message);
  process.stdout.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

/** `writer`, less the connection's answer to the request main.ts has already answered. */
export function withoutAnswerTo(writer: Lsp.MessageWriter, id: FirstRequest['id'] | undefined): Lsp.MessageWriter {
  let answered = id;
  return {
    onError: writer.onError,
    onClose: writer.onClose,
    end: () => writer.end(),
    dispose: () => writer.dispose(),
    write: (message: Lsp.Message) => {
      const response = message as { id?: unknown; method?: unknown };
      if (answered !== undefined && response.id === answered && response.method === undefined) {
        answered = undefined;
        return Promise.resolve();
      }
      return writer.write(message);
    },
  };
}
