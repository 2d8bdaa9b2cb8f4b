/**
 * Entry point of `sourcelint-language-server --stdio | --node-ipc`. It answers `initialize` before loading anything
 * else: first-message.ts reads the request and main.ts answers it (capabilities.ts) before vscode-languageserver is
 * loaded, then the engine and the handlers (server.ts), which take most of the start-up. Messages that come meanwhile
 * wait for them, in order. Over a socket or a pipe the library reads from the start and answers `initialize` itself.
 */
import { Console } from 'node:console';
import type * as Lsp from 'vscode-languageserver/node';
import { Inbound } from './inbound.js';
import { initializeResult } from './capabilities.js';
import { answerFirst, receiveFirst, transportOf, withoutAnswerTo } from './first-message.js';

// Last line of defence: a promise nobody awaited (a client refusing a request we sent) must not end the server.
process.on('unhandledRejection', (e) =>
  process.stderr.write(`sourcelint-language-server: unhandled rejection: ${(e as Error)?.stack ?? String(e)}\n`),
);

const transport = transportOf(process.argv);
if (transport === 'stdio') {
  // Standard output carries the protocol: a stray console.log from a dependency goes to standard error instead.
  const toStderr = new Console(process.stderr, process.stderr);
  Object.assign(console, Object.fromEntries(Object.entries(toStderr)));
}
const received = transport && (await receiveFirst(transport));
const first = received?.first;
const params = first?.params as Lsp.InitializeParams | undefined;
// Answered here only when it is an `initialize` that initializeResult can read; anything else is the library's.
let answered: number | string | undefined;
if (transport && first?.method === 'initialize' && params?.capabilities instanceof Object) {
  answerFirst(transport, first.id, initializeResult(params));
  answered = first.id;
}

// A CommonJS package: its exports are the namespace's default, in Node and in the bundle alike.
const { default: lsp } = await import('vscode-languageserver/node');
const inbound = new Inbound();
const options = { messageStrategy: inbound.strategy };
const connection = received
  ? lsp.createConnection(
      lsp.ProposedFeatures.all,
      received.reader(lsp),
      withoutAnswerTo(received.writer(lsp), answered),
      options,
    )
  : lsp.createConnection(lsp.ProposedFeatures.all, options);
let serving: Promise<void> | undefined;
connection.onInitialize((params) => {
  // Loaded once the answer is on its way: compiling the engine would otherwise hold it up.
  serving ??= new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => import('./server.js'))
    .then(({ startServer }) => startServer(inbound, connection, params))
    .catch((e: Error) => {
      process.stderr.write(`sourcelint-language-server: cannot start: ${e.stack ?? e.message}\n`);
      process.exit(1);
    });
  inbound.holdUntil(serving);
  return initializeResult(params);
});
connection.listen();
