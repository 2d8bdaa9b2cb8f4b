/** A lint worker: receives file paths, answers with their results. One ConfigLoader per worker keeps its cache warm. */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigLoader } from '../engine/index.js';
import { lintFile, type LintFileOptions } from './lint-file.js';
import { CopyPreparer } from './copies.js';

const { configFile, rules, quiet, withClaims, fix, maxFileBytes, sourcesCache } = workerData as {
  configFile?: string;
  rules: Array<[string, 'off' | 'info' | 'warning' | 'error']>;
  quiet: boolean;
  withClaims?: boolean;
  fix?: LintFileOptions['fix'];
  maxFileBytes?: number;
  sourcesCache?: string;
};
const loader = new ConfigLoader(configFile);
const options = { ruleOverrides: new Map(rules), quiet, withClaims, fix, maxFileBytes };
const copies = new CopyPreparer(sourcesCache, maxFileBytes);

parentPort!.on('message', async (msg: { index: number; file: string }) => {
  parentPort!.postMessage({ index: msg.index, result: await lintFile(msg.file, loader, options, copies) });
});
