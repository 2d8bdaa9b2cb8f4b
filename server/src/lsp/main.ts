/** Entry point of `sourcelint-language-server --stdio | --node-ipc`. */
import { startServer } from './server.js';

startServer();
