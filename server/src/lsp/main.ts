/** Entry point of `sourcelint-language-server --stdio | --node-ipc`. */
import { startServer } from './server.js';

// Last line of defence: a promise nobody awaited (a client refusing a request we sent) must not end the server.
process.on('unhandledRejection', (e) =>
  process.stderr.write(`sourcelint-language-server: unhandled rejection: ${(e as Error)?.stack ?? String(e)}\n`),
);

startServer();
