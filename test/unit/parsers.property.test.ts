/**
 * Property tests (fast-check) of the parsers that read what users write: the `llm-advisor:`
 * annotation, the llm-usage.yml parser and its loader. For any input: a result or a diagnostic,
 * never a throw, never a write to disk. Generated inputs mix pure noise with near-valid text
 * (real keys, rates, task names, YAML structure), where the interesting edge cases are.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseAnnotation, parseRate } from '../../src/core/estimate/annotations';
import { TASK_TYPES } from '../../src/model/types';
import { parseUsageFile } from '../../src/core/usage/usage';
import { loadUsageForRoot } from '../../src/scan/usageLoader';

const RUNS = 300;
/** The mutable CommonJS module object that every `import ... from 'node:fs'` reads its functions from at call time. */
const fs = createRequire(__filename)('node:fs') as typeof import('node:fs');

/** Counts calls to every writing function of node:fs while `body` runs; restores them after. */
async function countingWrites<T>(body: () => Promise<T> | T): Promise<{ value: T; writes: string[] }> {
  const writes: string[] = [];
  const names = ['writeFileSync', 'appendFileSync', 'mkdirSync', 'rmSync', 'unlinkSync', 'renameSync', 'copyFileSync', 'symlinkSync', 'truncateSync'] as const;
  const promiseNames = ['writeFile', 'appendFile', 'mkdir', 'rm', 'unlink', 'rename', 'copyFile', 'symlink', 'truncate'] as const;
  const saved = names.map((name) => [name, fs[name]] as const);
  const savedPromises = promiseNames.map((name) => [name, fs.promises[name]] as const);
  for (const name of names) (fs as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => { writes.push(`${name} ${String(args[0])}`); throw new Error(`unexpected ${name}`); };
  for (const name of promiseNames) (fs.promises as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => { writes.push(`promises.${name} ${String(args[0])}`); throw new Error(`unexpected ${name}`); };
  try {
    return { value: await body(), writes };
  } finally {
    for (const [name, fn] of saved) (fs as unknown as Record<string, unknown>)[name] = fn;
    for (const [name, fn] of savedPromises) (fs.promises as unknown as Record<string, unknown>)[name] = fn;
  }
}

const KEYS = ['task', 'calls', 'volume', 'callsPerMonth', 'hole.rag-context', 'hole.history', 'tokens.text', 'tokens.', 'hole.', 'model', '', '='];
const VALUES = fc.oneof(
  fc.constantFrom(...TASK_TYPES, '20000/day', '20k/day', '1.5m', '-5', '0', '1e309', 'NaN', '∞', '12,000/week', '3 per hour', '/', '', '"quoted value"', "'x'"),
  fc.string(),
  fc.integer().map(String),
  fc.double().map(String),
);
const PAIR = fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom('=', ': ', ' = ', '=='), VALUES).map(([k, eq, v]) => `${k}${eq}${v}`);
const COMMENT = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.tuple(fc.constantFrom('// llm-advisor:', '/* llm-advisor: ', '# llm-advisor:', ' * llm-advisor:', 'llm-advisor:', '//llm-advisor:'), fc.array(PAIR, { maxLength: 8 }), fc.constantFrom(' ', ', ', ',', '\t', '\n')).map(([marker, pairs, sep]) => `${marker} ${pairs.join(sep)}`),
);

const USAGE_ENTRY = fc.dictionary(
  fc.constantFrom('calls', 'callsPerMonth', 'task', 'holeTokens', 'model', 'bogus', ''),
  fc.oneof(VALUES, fc.integer(), fc.double(), fc.constant(null), fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string())), fc.array(fc.integer())),
);
const USAGE_DOC = fc.record(
  {
    version: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
    defaults: fc.oneof(USAGE_ENTRY, fc.string()),
    callSites: fc.dictionary(fc.string(), USAGE_ENTRY),
    functions: fc.dictionary(fc.string(), fc.oneof(USAGE_ENTRY, fc.integer())),
    files: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('src/**', '*.ts', '{a,b}/**', '[', '**/**/**')), USAGE_ENTRY),
  },
  { requiredKeys: [] },
);
const USAGE_TEXT = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 2000 }),
  USAGE_DOC.map((doc) => stringify(doc)),
  fc.anything().map((value) => { try { return String(stringify(value) ?? ''); } catch { return ''; } }),
  // Near-valid text with a random cut or a random character spliced in.
  fc.tuple(USAGE_DOC.map((doc) => stringify(doc)), fc.nat(), fc.string({ maxLength: 3 })).map(([text, at, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1))),
);

describe('parsers under fuzz: a result or a diagnostic, never a throw, never a write', function () {
  this.timeout(120000);

  it('the write counter sees writes (so "no write" below can fail)', async () => {
    const { writes } = await countingWrites(async () => {
      await fs.promises.writeFile(path.join(os.tmpdir(), 'never-written'), 'x').catch(() => undefined);
      try { fs.writeFileSync(path.join(os.tmpdir(), 'never-written'), 'x'); } catch { /* refused */ }
    });
    assert.equal(writes.length, 2);
  });

  it('parseAnnotation', async () => {
    const { writes } = await countingWrites(() =>
      fc.assert(
        fc.property(COMMENT, fc.integer({ min: 1, max: 1e6 }), (text, line) => {
          const parsed = parseAnnotation(text, line);
          assert.ok(Array.isArray(parsed.errors));
          for (const error of parsed.errors) assert.equal(typeof error, 'string');
          if (parsed.annotation?.callsPerMonth !== undefined) assert.ok(Number.isFinite(parsed.annotation.callsPerMonth) && parsed.annotation.callsPerMonth >= 0, `calls ${parsed.annotation.callsPerMonth} from ${JSON.stringify(text)}`);
        }),
        { numRuns: RUNS * 3 },
      ),
    );
    assert.deepEqual(writes, []);
  });

  it('parseRate: a finite non-negative rate or an error message', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), VALUES), (text) => {
        const rate = parseRate(text);
        if ('error' in rate) assert.equal(typeof rate.error, 'string');
        else assert.ok(Number.isFinite(rate.callsPerMonth) && rate.callsPerMonth >= 0, `${rate.callsPerMonth} from ${JSON.stringify(text)}`);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('parseUsageFile', async () => {
    const { writes } = await countingWrites(() =>
      fc.assert(
        fc.property(USAGE_TEXT, (text) => {
          const { usage, errors } = parseUsageFile(text);
          assert.equal(typeof usage, 'object');
          assert.ok(Array.isArray(errors));
          const lines = text.split('\n').length;
          for (const error of errors) {
            assert.equal(typeof error.message, 'string');
            assert.ok(Number.isInteger(error.line) && error.line >= 0 && error.line <= lines + 1, `line ${error.line} of ${lines}`);
          }
          for (const entry of Object.values(usage.callSites ?? {})) if (entry.callsPerMonth !== undefined) assert.ok(Number.isFinite(entry.callsPerMonth) && entry.callsPerMonth >= 0);
        }),
        { numRuns: RUNS },
      ),
    );
    assert.deepEqual(writes, []);
  });

  it('loadUsageForRoot reads any bytes as llm-usage.yml into a result or diagnostics, and writes nothing', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'llmha-fuzz-usage-'));
    try {
      await fc.assert(
        fc.asyncProperty(fc.oneof(USAGE_TEXT.map((text) => Buffer.from(text)), fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes))), async (bytes) => {
          writeFileSync(path.join(root, 'llm-usage.yml'), bytes);
          const { writes, value } = await countingWrites(() => loadUsageForRoot(root));
          assert.deepEqual(writes, []);
          assert.ok(Array.isArray(value.diagnostics));
          for (const diagnostic of value.diagnostics) assert.equal(diagnostic.file, 'llm-usage.yml');
        }),
        { numRuns: RUNS },
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
