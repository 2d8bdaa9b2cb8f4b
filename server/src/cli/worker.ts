/** A lint worker: receives file paths, answers with their results. One ConfigLoader per worker keeps its cache warm. */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigLoader } from '../engine/index.js';
import { lintFile } from './lint-file.js';

const { configFile, rules, quiet, withClaims } = workerData as {
  configFile?: string;
  rules: Array<[string, 'off' | 'info' | 'warning' | 'error']>;
  quiet: boolean;
  withClaims?: boolean;
};
const loader = new ConfigLoader(configFile);
const options = { ruleOverrides: new Map(rules), quiet, withClaims };

parentPort!.on('message', (msg: { index: number; file: string }) => {
  parentPort!.postMessage({ index: msg.index, result: lintFile(msg.file, loader, options) });
});
