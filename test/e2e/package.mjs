#!/usr/bin/env node
// The npm package as users get it: `npm pack` of server/ (the `sourcelint` package), then `npm install` of the
// tarball in an empty folder (runtime dependencies from the registry, nothing from this checkout), then the README's
// commands there: `npx sourcelint`, `npx sourcelint-language-server --stdio` spoken to over JSON-RPC, the `$schema`
// path, `import { lint } from 'sourcelint'`, and the GitHub Action's install step and script. Part of
// `npm run test:e2e`. Prints "N passed, N failed".
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checks } from './checks.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelint-package-')));
const user = path.join(tmp, 'user');
fs.mkdirSync(user);

// Under `npm run`, npm exports its own settings (npm_config_local_prefix names this checkout, …); a user's shell
// has none of them. Registry settings stay.
const keep = new Set([
  'npm_config_registry',
  'npm_config_cafile',
  'npm_config_ca',
  'npm_config_proxy',
  'npm_config_https_proxy',
  'npm_config_noproxy',
  'npm_config_strict_ssl',
  'npm_config_cache',
]);
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => keep.has(k.toLowerCase()) || !/^(npm_|node$|init_cwd$)/i.test(k)),
);
env.PATH = env.PATH.split(path.delimiter)
  .filter((p) => !p.endsWith(`${path.sep}node_modules${path.sep}.bin`) && !p.endsWith('node-gyp-bin'))
  .join(path.delimiter);
const run = (cmd, args, options = {}) => spawnSync(cmd, args, { cwd: user, env, encoding: 'utf8', ...options });

const STAT = 'Russia sent 1000 officials to Mali in 2022.';
const { check, fail, summary } = checks();
const assert = (ok, message) => {
  if (!ok) throw new Error(message);
};

try {
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', tmp], {
    cwd: path.join(root, 'server'),
    env,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop();
  const tarball = path.join(tmp, packed);
  assert(/^sourcelint-\d+\.\d+\.\d+.*\.tgz$/.test(packed), `npm pack made ${packed}`);
  const install = run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball]);
  assert(install.status === 0, `npm install ${packed} exited ${install.status}:\n${install.stderr}`);
  const installed = path.join(user, 'node_modules/sourcelint');
  fs.writeFileSync(path.join(user, 'draft.md'), `# Draft\n\n${STAT}\n`);

  await check(
    'the package is a real install: no symlink into the checkout, no dev files, the bundle the bins run',
    () => {
      assert(!fs.lstatSync(installed).isSymbolicLink(), 'node_modules/sourcelint is a symlink');
      const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
      assert(manifest.name === 'sourcelint' && !manifest.private, `name ${manifest.name}, private ${manifest.private}`);
      assert(!fs.existsSync(path.join(installed, 'src')), 'TypeScript sources shipped');
      assert(fs.existsSync(path.join(installed, 'out/engine/index.d.ts')), 'no type declarations');
      // The bins run the bundle, each build with the lexicon index compiled for it (else every start compiles them).
      for (const file of [
        'out/bundle/cli.js',
        'out/bundle/lexicons.compiled.json',
        'out/engine/lexicons.compiled.json',
      ])
        assert(fs.existsSync(path.join(installed, file)), `${file} is missing`);
      assert(!fs.existsSync(path.join(installed, 'out/bundle/cli.js.map')), 'source maps shipped');
    },
  );

  await check('npx sourcelint reports the unsourced figure of a Markdown file', () => {
    const r = run('npx', ['--no-install', 'sourcelint', '--format', 'json', 'draft.md']);
    assert(r.status === 0, `exit ${r.status}: ${r.stderr}`);
    const [file] = JSON.parse(r.stdout);
    const stats = file.messages.filter((m) => m.ruleId === 'unsourced-statistic');
    const col = STAT.indexOf('1000') + 1;
    assert(
      stats.length === 1 && stats[0].line === 3 && stats[0].column === col && stats[0].endColumn === col + 4,
      JSON.stringify(file.messages),
    );
    const version = run('npx', ['--no-install', 'sourcelint', '--version']);
    assert(
      version.stdout.trim().endsWith(JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')).version),
      version.stdout,
    );
  });

  await check("the README's $schema path exists, and a configuration naming it is read", () => {
    const config = {
      $schema: './node_modules/sourcelint/schema/sourcelintrc.schema.json',
      rules: { 'unsourced-statistic': 'error' },
    };
    const schema = JSON.parse(fs.readFileSync(path.join(user, config.$schema), 'utf8'));
    assert(schema.properties?.rules, 'the schema describes rules');
    fs.writeFileSync(path.join(user, '.sourcelintrc.json'), JSON.stringify(config));
    try {
      const r = run('npx', ['--no-install', 'sourcelint', '--format', 'json', 'draft.md']);
      assert(r.status === 1, `exit ${r.status} (the configured error should fail the run): ${r.stderr}`);
      assert(
        JSON.parse(r.stdout)[0].messages.some((m) => m.ruleId === 'unsourced-statistic' && m.severity === 2),
        r.stdout,
      );
      fs.writeFileSync(
        path.join(user, '.sourcelintrc.json'),
        JSON.stringify({ rules: { 'unsourced-statistic': 'loud' } }),
      );
      const bad = run('npx', ['--no-install', 'sourcelint', 'draft.md']);
      assert(
        bad.status === 2 && /\.sourcelintrc\.json/.test(bad.stderr),
        `a broken configuration: exit ${bad.status}, ${bad.stderr}`,
      );
    } finally {
      fs.rmSync(path.join(user, '.sourcelintrc.json'));
    }
  });

  await check("import { lint } from 'sourcelint' works from the installed package", () => {
    const script =
      "import { lint } from 'sourcelint'; const r = lint(process.argv[1], {}); console.log(JSON.stringify(r.findings ?? r));";
    const r = run(process.execPath, ['--input-type=module', '-e', script, STAT]);
    assert(r.status === 0, r.stderr);
    assert(/unsourced-statistic/.test(r.stdout), r.stdout);
  });

  await check(
    'the installed package reads saved copies of sources (pdf.js, Readability) without a word on stderr',
    async () => {
      const { PDFDocument, StandardFonts } = (
        await import(pathToFileURL(path.join(root, 'node_modules/pdf-lib/cjs/index.js')).href)
      ).default;
      const pdf = await PDFDocument.create();
      const font = await pdf.embedFont(StandardFonts.Helvetica);
      for (const line of ['Officials: 1000 in 2022.', 'Second page.'])
        pdf.addPage().drawText(line, { x: 50, y: 700, size: 12, font });
      const folder = path.join(user, 'copies');
      fs.mkdirSync(path.join(folder, 'sources'), { recursive: true });
      fs.writeFileSync(path.join(folder, 'sources', '1.pdf'), await pdf.save());
      fs.writeFileSync(
        path.join(folder, 'sources', '2.html'),
        '<html><body><nav>Menu</nav><article><p>Russia sent 1000 officials to Mali in 2022, the ministry said in a statement on its website.</p></article></body></html>',
      );
      fs.writeFileSync(path.join(folder, 'draft.md'), `${STAT}[^1]\n\n[^1]: Ministry.\n`);
      const script =
        "import { prepareSourceCopies } from 'sourcelint'; const p = await prepareSourceCopies({ filePath: process.argv[1], cacheDir: false }); console.log(JSON.stringify({ problems: p.problems, pdf: p.copies.byKey('1')?.pages, html: p.copies.byKey('2')?.pages }));";
      const r = run(process.execPath, ['--input-type=module', '-e', script, path.join(folder, 'draft.md')]);
      assert(r.status === 0 && r.stderr === '', r.stderr);
      const out = JSON.parse(r.stdout);
      assert(JSON.stringify(out.pdf) === JSON.stringify(['Officials: 1000 in 2022.', 'Second page.']), r.stdout);
      assert(out.html?.[0]?.startsWith('Russia sent 1000 officials') && !out.html[0].includes('Menu'), r.stdout);
      const cli = run('npx', ['--no-install', 'sourcelint', 'copies/draft.md'], {
        env: { ...env, SOURCELINT_CACHE_DIR: path.join(tmp, 'text-cache') },
      });
      assert(cli.status === 0 && cli.stderr === '', `exit ${cli.status}: ${cli.stderr}`);
      assert(fs.readdirSync(path.join(tmp, 'text-cache')).length === 2, 'both copies extracted and cached');
    },
  );

  await check(
    'npx sourcelint-language-server --stdio answers initialize and publishes diagnostics for an opened document',
    async () => {
      const server = spawn('npx', ['--no-install', 'sourcelint-language-server', '--stdio'], {
        cwd: user,
        env,
        stdio: 'pipe',
      });
      let buffer = Buffer.alloc(0);
      let stderr = '';
      const messages = [];
      const waiters = [];
      server.stderr.on('data', (d) => (stderr += d));
      server.stdout.on('data', (chunk) => {
        buffer = Buffer.concat([buffer, chunk]);
        for (;;) {
          const end = buffer.indexOf('\r\n\r\n');
          if (end < 0) return;
          const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
          if (buffer.length < end + 4 + length) return;
          const msg = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString());
          buffer = buffer.subarray(end + 4 + length);
          if (msg.method && msg.id !== undefined)
            send({
              jsonrpc: '2.0',
              id: msg.id,
              result: msg.method === 'workspace/configuration' ? msg.params.items.map(() => ({})) : null,
            });
          messages.push(msg);
          for (const w of waiters.splice(0)) if (!w(msg)) waiters.push(w);
        }
      });
      const send = (msg) => {
        const body = Buffer.from(JSON.stringify(msg));
        server.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
      };
      // No time limit on the answers: a dead server fails the wait through its exit instead.
      const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
      const waitFor = (match, what) =>
        Promise.race([
          new Promise((resolve) => {
            const found = messages.find(match);
            if (found) resolve(found);
            else waiters.push((m) => match(m) && (resolve(m), true));
          }),
          exited.then((code) => {
            throw new Error(`the server exited (${code}) before ${what}:\n${stderr}`);
          }),
        ]);
      try {
        const uri = pathToFileURL(path.join(user, 'draft.md')).href;
        send({
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: {
            processId: process.pid,
            rootUri: pathToFileURL(user).href,
            capabilities: { textDocument: { publishDiagnostics: {} } },
          },
        });
        const init = await waitFor((m) => m.id === 1, 'answering initialize');
        assert(init.result?.capabilities?.textDocumentSync !== undefined, `initialize: ${JSON.stringify(init)}`);
        send({ jsonrpc: '2.0', method: 'initialized', params: {} });
        send({
          jsonrpc: '2.0',
          method: 'textDocument/didOpen',
          params: { textDocument: { uri, languageId: 'markdown', version: 1, text: `# Draft\n\n${STAT}\n` } },
        });
        const published = await waitFor(
          (m) =>
            m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.diagnostics.length > 0,
          'publishing diagnostics',
        );
        const d = published.params.diagnostics.find((x) => x.code === 'unsourced-statistic');
        const col = STAT.indexOf('1000');
        assert(
          d && d.range.start.line === 2 && d.range.start.character === col && d.range.end.character === col + 4,
          JSON.stringify(published.params.diagnostics),
        );
        send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
        await waitFor((m) => m.id === 2, 'answering shutdown');
        send({ jsonrpc: '2.0', method: 'exit' });
        assert((await exited) === 0, `exit code after shutdown/exit; stderr: ${stderr}`);
      } finally {
        server.kill();
      }
    },
  );

  await check("action.yml's install step installs the package, and its script annotates the changed lines", () => {
    // The step's shell, as GitHub runs it, given the tarball as the `package` input.
    const yml = fs.readFileSync(path.join(root, 'action.yml'), 'utf8');
    const step = /- name: Install Sourcelint\n[\s\S]*?run: \|\n((?: {8}.*\n)+)/.exec(yml);
    assert(step, 'action.yml has an install step with a run block');
    const runner = path.join(tmp, 'runner');
    fs.mkdirSync(runner);
    const githubEnv = path.join(runner, 'env');
    fs.writeFileSync(githubEnv, '');
    const installStep = run('bash', ['-eo', 'pipefail', '-c', step[1].replace(/^ {8}/gm, '')], {
      env: { ...env, GITHUB_ACTION_PATH: root, RUNNER_TEMP: runner, GITHUB_ENV: githubEnv, INPUT_PACKAGE: tarball },
    });
    assert(installStep.status === 0, `install step: ${installStep.stderr}`);
    const exported = Object.fromEntries(
      fs
        .readFileSync(githubEnv, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(/=(.*)/s).slice(0, 2)),
    );
    assert(
      exported.SOURCELINT_BIN?.startsWith(runner) && fs.existsSync(exported.SOURCELINT_BIN),
      `SOURCELINT_BIN=${exported.SOURCELINT_BIN}`,
    );
    const repo = path.join(tmp, 'repo');
    fs.mkdirSync(repo);
    const git = (...args) =>
      execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=T', ...args], {
        cwd: repo,
        stdio: 'pipe',
      });
    git('init', '-q');
    fs.writeFileSync(path.join(repo, 'a.md'), 'Aid fell by 40% in 2022.\n');
    git('add', 'a.md');
    git('commit', '-q', '-m', 'draft');
    fs.writeFileSync(path.join(repo, 'a.md'), `Aid fell by 40% in 2022.\n\n${STAT}\n`);
    const lint = run(process.execPath, [path.join(root, 'scripts/action.mjs')], {
      cwd: repo,
      env: { ...env, ...exported, INPUT_BASE_REF: 'HEAD', INPUT_PATHS: '.' },
    });
    assert(lint.status === 0, `action script exit ${lint.status}: ${lint.stderr}`);
    const annotations = lint.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert(
      annotations.length === 1 && /^::warning file=a\.md,line=3,.*title=unsourced-statistic::/.test(annotations[0]),
      lint.stdout,
    );
  });

  await check(
    '`npm pack` at the repository root makes a tarball whose CLI and language server work when installed',
    () => {
      // The build is done (this runs after `npm ci`, whose prepare built it): the root's prepare need not run again.
      const rootPacked = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', tmp], {
        cwd: root,
        env,
        encoding: 'utf8',
      })
        .trim()
        .split('\n')
        .pop();
      const elsewhere = path.join(tmp, 'root-user');
      fs.mkdirSync(elsewhere);
      const inFolder = (cmd, args, options = {}) => run(cmd, args, { cwd: elsewhere, ...options });
      const install = inFolder('npm', [
        'install',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        path.join(tmp, rootPacked),
      ]);
      assert(install.status === 0, `npm install ${rootPacked} exited ${install.status}:\n${install.stderr}`);
      assert(!fs.existsSync(path.join(elsewhere, 'node_modules/sourcelint/server/src')), 'TypeScript sources shipped');
      fs.writeFileSync(path.join(elsewhere, 'draft.md'), `# Draft\n\n${STAT}\n`);
      const r = inFolder('npx', ['--no-install', 'sourcelint', '--format', 'json', 'draft.md']);
      assert(r.status === 0, `exit ${r.status}: ${r.stderr}`);
      const stats = JSON.parse(r.stdout)[0].messages.filter((m) => m.ruleId === 'unsourced-statistic');
      assert(stats.length === 1 && stats[0].line === 3, r.stdout);
      const initialize = JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { processId: null, rootUri: null, capabilities: {} },
      });
      // A client that sends `initialize` and closes its end: the server answers, then exits.
      const server = inFolder('npx', ['--no-install', 'sourcelint-language-server', '--stdio'], {
        input: `Content-Length: ${Buffer.byteLength(initialize)}\r\n\r\n${initialize}`,
        timeout: 20_000,
      });
      assert(/"textDocumentSync"/.test(server.stdout), `initialize: ${server.stdout.slice(0, 300)} ${server.stderr}`);
    },
  );
} catch (e) {
  fail('pack and install', e);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

process.exitCode = summary() === 0 ? 0 : 1;
