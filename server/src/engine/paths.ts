/**
 * Where the engine's shipped files (server/data, server/schema) are: next to the compiled module tree
 * (server/out/engine → ../../) or next to a bundle (dist/server.mjs → ./), whichever holds them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot =
  [path.resolve(here, '../..'), here].find((dir) => fs.existsSync(path.join(dir, 'data', 'claim-model.json'))) ??
  path.resolve(here, '../..');

/** Absolute path of a file shipped with the engine, e.g. `shippedFile('data', 'claim-model.json')`. */
export function shippedFile(...parts: string[]): string {
  return path.join(packageRoot, ...parts);
}
