/**
 * Entry point of `sourcelint-language-server --stdio | --node-ipc`. It answers `initialize` (capabilities.ts) before
 * loading the engine and the handlers (server.ts), which takes most of the start-up; messages that come meanwhile wait
 * for them, in order.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { Inbound } from './inbound.js';
import { initializeResult } from './capabilities.js';

// Last line of defence: a promise nobody awaited (a client refusing a request we sent) must not end the server.
process.on('unhandledRejection', (e) =>
  process.stderr.write(`sourcelint-language-server: unhandled rejection: ${(e as Error)?.stack ?? String(e)}\n`),
);

const inbound = new Inbound();
const connection = createConnection(ProposedFeatures.all, { messageStrategy: inbound.strategy });
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
