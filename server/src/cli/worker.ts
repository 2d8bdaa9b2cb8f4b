/** A lint worker: receives file paths, answers with their results. One ConfigLoader per worker keeps its cache warm. */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigLoader } from '../engine/index.js';
import { lintFile, type LintFileOptions } from './lint-file.js';

const { configFile, rules, quiet, withClaims, fix, maxFileBytes } = workerData as {
  configFile?: string;
  rules: Array<[string, 'off' | 'info' | 'warning' | 'error']>;
  quiet: boolean;
  withClaims?: boolean;
  fix?: LintFileOptions['fix'];
  maxFileBytes?: number;
};
const loader = new ConfigLoader(configFile);
const options = { ruleOverrides: new Map(rules), quiet, withClaims, fix, maxFileBytes };

parentPort!.on('message', (msg: { index: number; file: string }) => {
  parentPort!.postMessage({ index: msg.index, result: lintFile(msg.file, loader, options) });
});
