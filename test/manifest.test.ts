/**
 * The VS Code extension's manifest and what `vsce` packs: the files the manifest names are in the .vsix, source maps
 * and sources are not, and every engine setting is one the configuration schema knows (the server validates them).
 * The installed .vsix itself is tested in code-server by `npm run test:e2e`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const schema = JSON.parse(fs.readFileSync(path.join(root, 'server/schema/sourcelintrc.schema.json'), 'utf8'));
const settings: Record<string, { scope?: string }> = manifest.contributes.configuration.properties;

test('the .vsix holds what the manifest names, and no source maps, sources or node_modules', () => {
  const vsce = path.join(root, 'node_modules/.bin/vsce');
  const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).trim().split('\n');
  // The server bundle is dist/server.mjs and the chunks it imports once it has answered `initialize`.
  const chunks = fs.readdirSync(path.join(root, 'dist')).filter((f) => /^server-.*\.mjs$/.test(f));
  assert.ok(chunks.length > 0, 'the engine is a chunk of its own');
  const named = [manifest.main, manifest.icon, 'dist/server.mjs', 'CHANGELOG.md', 'README.md', 'LICENSE'];
  // The lexicon index compiled for the bundle: without it, every start of the server compiles the lexicons.
  named.push('dist/lexicons.compiled.json');
  named.push(...chunks.map((f) => `dist/${f}`));
  for (const v of [...manifest.contributes.jsonValidation, ...manifest.contributes.yamlValidation]) named.push(v.url);
  for (const s of manifest.contributes.snippets) named.push(s.path);
  for (const file of named)
    assert.ok(files.includes(path.posix.normalize(file)), `${file} is not in the .vsix: ${files.join(', ')}`);
  assert.deepEqual(
    files.filter((f) => /\.map$|\.ts$|(^|\/)(node_modules|src|test|samples)\//.test(f)),
    [],
  );
});

test("engine settings are resource-scoped keys of the configuration schema; the trace setting is the client's", () => {
  for (const [key, setting] of Object.entries(settings)) {
    const [, section, sub] = key.split('.');
    if (section === 'trace') {
      assert.equal(setting.scope, 'window', key);
      continue;
    }
    assert.ok(schema.properties[section], `${key}: "${section}" is not in the configuration schema`);
    if (sub)
      assert.ok(
        schema.properties[section].properties?.[sub],
        `${key}: "${section}.${sub}" is not in the configuration schema`,
      );
    assert.equal(setting.scope, 'resource', key);
  }
  assert.ok(
    settings['sourcelint.trace.server'],
    'sourcelint.trace.server is declared (vscode-languageclient reads it)',
  );
});

test('the manifest declares what the marketplace and Restricted Mode need', () => {
  assert.match(manifest.repository.url, /^https:\/\/github\.com\//);
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  for (const key of manifest.capabilities.untrustedWorkspaces.restrictedConfigurations) assert.ok(settings[key], key);
  const png = fs.readFileSync(path.join(root, manifest.icon));
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.ok(
    png.readUInt32BE(16) >= 128 && png.readUInt32BE(20) >= 128,
    'the marketplace wants an icon of at least 128×128',
  );
});
