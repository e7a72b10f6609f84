import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');
/** Bundles only the CLI runs; the .vsix leaves them out. */
const CLI_ONLY = new Set(['cli.js', 'launch.js', 'prereader.js', 'tsmorph.js']);

describe('the .vsix allowlist (.vscodeignore)', () => {
  const allowed = readFileSync(path.join(REPO, '.vscodeignore'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1).trim());

  it('ships every bundle esbuild.mjs builds for the editor', () => {
    const outputs = [...readFileSync(path.join(REPO, 'esbuild.mjs'), 'utf8').matchAll(/outfile: 'dist\/([\w.-]+)'/g)].map((match) => match[1]);
    assert.ok(outputs.includes('scanner.js'), `esbuild outputs: ${outputs.join(', ')}`);
    for (const output of outputs.filter((name) => !CLI_ONLY.has(name))) assert.ok(allowed.includes(`dist/${output}`), `.vscodeignore allows dist/${output}`);
  });

  it('ships the tokenizer rank files the bundles read from disk', () => {
    for (const file of ['dist/encoders/**']) assert.ok(allowed.includes(file), `.vscodeignore allows ${file}`);
  });
});
