// Which build of an entry point the bins run: the bundle (out/bundle/: one module graph of a few files, so a CLI run
// starts in about half the time of the ~400 modules of out/), unless `tsc -b` has rebuilt out/ since the bundle was
// made (a developer who compiled without bundling runs the code they just compiled, never a stale bundle), or V8
// coverage is being recorded (coverage maps back to the sources from one build only: the compiled tree, which tests
// load in-process).
import fs from 'node:fs';

const modified = (url) => fs.statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? -1;

export function entryPoint(bundled, compiled) {
  const bundle = new URL(`../out/bundle/${bundled}`, import.meta.url);
  const fresh = modified(bundle) >= Math.max(0, modified(new URL('../tsconfig.tsbuildinfo', import.meta.url)));
  return fresh && !process.env.NODE_V8_COVERAGE ? bundle.href : new URL(`../out/${compiled}`, import.meta.url).href;
}
