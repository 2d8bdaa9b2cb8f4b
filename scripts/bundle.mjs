#!/usr/bin/env node
// Bundles the VS Code extension and its language server into dist/ with esbuild, so the extension starts fast and
// the .vsix carries no node_modules: dist/extension.js (CommonJS, for VS Code), dist/server.mjs (ESM) and the data and
// schema the engine reads at run time. The build fails if anything would still be loaded from node_modules at run
// time: the .vsix is packaged without dependencies, so such a module is simply missing in the installed extension.
//   node scripts/bundle.mjs [--outdir DIR]
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The engine loads costly modules on first use with `createRequire(import.meta.url)('pkg')`, which esbuild cannot
 * see. Rewritten to a plain `require('pkg')`, esbuild bundles the package and still runs it only on that first call.
 */
const bundleLazyRequires = {
  name: 'bundle-lazy-requires',
  setup(b) {
    b.onLoad({ filter: /[\\/]server[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: (await fs.promises.readFile(args.path, 'utf8')).replace(
        /\bcreateRequire\(import\.meta\.url\)\(/g,
        'require(',
      ),
      loader: 'ts',
    }));
  },
};

/**
 * Saved source copies (issue #10) bring two packages with optional loads the bundle leaves out on purpose:
 * - linkedom requires the native `canvas` package if installed, else its own shim: the shim is bundled.
 * - pdf.js loads, by computed names, what only rendering and image decoding need (@napi-rs/canvas, a wasm decoder, a
 *   stream polyfill) and its worker script; we read text only, and hand it the worker module ourselves
 *   (engine/evidence/extract.ts). Those loads are replaced by errors (pdf.js catches them where they are optional).
 */
const optionalLoads = {
  name: 'optional-loads',
  setup(b) {
    b.onResolve({ filter: /^canvas$/ }, (args) =>
      /[\\/]linkedom[\\/]/.test(args.importer)
        ? { path: path.join(path.dirname(args.importer), 'canvas-shim.cjs') }
        : undefined,
    );
    b.onLoad({ filter: /[\\/]pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf(\.worker)?\.mjs$/ }, async (args) => {
      const unavailable = '(() => { throw new Error("not part of the Sourcelint bundle"); })';
      const code = (await fs.promises.readFile(args.path, 'utf8'))
        .replace(
          /process\.getBuiltinModule\("module"\)\.createRequire\(import\.meta\.url\)/g,
          `(() => ${unavailable})()`,
        )
        .replace(/\bimport\((?=\s*(?:\/\*[^*]*\*\/\s*)*[\w.]+\))/g, `${unavailable}(`);
      return { contents: code, loader: 'js' };
    });
  },
};

/** What in a bundle would be loaded from outside it at run time: anything but Node's built-ins and `allowed`. */
export function escapes(metafile, code, allowed = []) {
  const found = [];
  for (const output of Object.values(metafile.outputs)) {
    for (const i of output.imports)
      if (i.external && !isBuiltin(i.path) && !allowed.includes(i.path)) found.push(`${i.kind} "${i.path}"`);
  }
  // Loads esbuild cannot follow: a require made with createRequire, a require()/import() of a computed name, or a
  // relative path still loaded at run time (a UMD module calls require under another name).
  const unfollowed =
    /\(import\.meta\.url\)\s*\(|\b(?:require|import)\((?!\s*["'`)])|[\w$]\(\s*["']\.\.?\/[^"']*["']\s*\)/g;
  for (const m of code.matchAll(unfollowed)) found.push(`"${code.slice(Math.max(0, m.index - 40), m.index + 40)}"`);
  return found;
}

/** Builds dist/ (or `outdir`); `external` leaves packages out on purpose (tests use it to simulate a broken bundle). */
export async function bundle({ outdir = path.join(root, 'dist'), external = [] } = {}) {
  fs.rmSync(outdir, { recursive: true, force: true });
  // Source maps stay in dist/ for debugging from the repository; .vscodeignore keeps them out of the .vsix.
  // ESM builds first: a package's UMD build (jsonc-parser's "main") hides its requires from esbuild.
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    minify: true,
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    mainFields: ['module', 'main'],
  };
  const targets = [
    {
      ...common,
      entryPoints: [path.join(root, 'client/src/extension.ts')],
      outfile: path.join(outdir, 'extension.js'),
      format: 'cjs',
      external: ['vscode', ...external],
    },
    {
      ...common,
      entryPoints: [path.join(root, 'server/src/lsp/main.ts')],
      // jsonc-parser's CommonJS build loads its parts with a require() esbuild cannot follow: take its ES module build.
      mainFields: ['module', 'main'],
      outfile: path.join(outdir, 'server.mjs'),
      format: 'esm',
      external,
      plugins: [bundleLazyRequires, optionalLoads],
      // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    },
  ];
  const problems = [];
  for (const options of targets) {
    const { metafile } = await build(options);
    const code = fs.readFileSync(options.outfile, 'utf8').replace(options.banner?.js ?? '', '');
    for (const e of escapes(metafile, code, ['vscode', ...external]))
      problems.push(`${path.relative(root, options.outfile)}: loads ${e} from outside the bundle`);
  }
  for (const dir of ['data', 'schema'])
    fs.cpSync(path.join(root, 'server', dir), path.join(outdir, dir), { recursive: true });
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return outdir;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--outdir');
  try {
    await bundle(at > 0 ? { outdir: path.resolve(process.argv[at + 1]) } : {});
  } catch (e) {
    console.error(`bundle: ${e.message}`);
    process.exitCode = 1;
  }
}
