import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { formatChanges, perMTok, updatePriceRows, type PriceSources, type UpdateInput } from '../../scripts/lib/catalogUpdate';
import type { ClosedModelData, OpenPriceData } from '../../src/core/catalog/catalog';
import sourcesJson from '../../data/catalog/price-sources.json';
import archJson from '../../data/catalog/model-architectures.json';
import closedJson from '../../data/catalog/closed-api-prices.json';

const FIXTURES = path.resolve(__dirname, '../fixtures/catalog-update');
const litellm = JSON.parse(readFileSync(path.join(FIXTURES, 'litellm-sample.json'), 'utf8')) as Record<string, unknown>;
const openRouter = JSON.parse(readFileSync(path.join(FIXTURES, 'openrouter-sample.json'), 'utf8'));
/** The committed known-error list (facts NOTES.md), so the test fails if an exclusion is dropped from it. */
const realExclusions = (sourcesJson as unknown as PriceSources).exclusions;

const caps = { supportsTools: null, supportsVision: null, supportsJsonSchema: null, contextWindow: null, maxOutputTokens: null };

/** A small catalog as it stands before the refresh: one priced closed row, one retired hand row, open rows with curated flags. */
function before(): { closed: ClosedModelData[]; open: OpenPriceData[] } {
  const closed: ClosedModelData[] = [
    { id: 'acme-chat-1', vendor: 'acme', provider: 'acme', endpoint: 'chat', class: 'large', inputPerMTok: 1, outputPerMTok: 5, ...caps, supportsTools: true, contextWindow: 128000, aliases: ['acme-1'], notes: 'curated note', deprecationDate: '2027-03-01', deprecationSource: 'acme deprecations page', source: 'old copy; key acme-chat-1', asOf: '2026-01-01' },
    { id: 'claude-3-5-sonnet', vendor: 'anthropic', provider: 'anthropic', endpoint: 'chat', class: 'large', inputPerMTok: 3, outputPerMTok: 15, ...caps, contextWindow: 200000, retired: true, source: 'old copy; key bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0', asOf: '2026-01-01' },
    { id: 'gemini-1.5-flash', vendor: 'google', provider: 'google', endpoint: 'chat', class: 'small', inputPerMTok: 0.075, outputPerMTok: 0.3, ...caps, retired: true, source: 'Google pricing page, Oct 2024 (hand row)', asOf: '2024-10-01' },
    { id: 'acme-gone', vendor: 'acme', provider: 'acme', endpoint: 'chat', class: 'small', inputPerMTok: 0.5, outputPerMTok: 1, ...caps, source: 'old copy; key acme-gone', asOf: '2026-01-01' },
  ];
  const open: OpenPriceData[] = [
    { model: 'open-8b', provider: 'together', providerModelId: 'acme/Open-8B-Instruct-Turbo', inputPerMTok: 0.18, outputPerMTok: 0.18, ...caps, supportsTools: true, supportsJsonSchema: true, quantization: 'fp8', source: 'old copy; key together_ai/acme/Open-8B-Instruct-Turbo', asOf: '2026-01-01' },
    { model: 'open-8b', provider: 'deepinfra', providerModelId: 'acme/Open-8B-Instruct', inputPerMTok: 0.03, outputPerMTok: 0.05, ...caps, supportsTools: true, contextWindow: 131072, source: 'old copy; key deepinfra/acme/Open-8B-Instruct', asOf: '2026-01-01' },
    { model: 'deepseek-v3', provider: 'deepseek', providerModelId: 'deepseek-chat', inputPerMTok: 0.27, outputPerMTok: 1.1, ...caps, source: 'old copy; key deepseek/deepseek-chat', asOf: '2026-01-01' },
  ];
  return { closed, open };
}

const sources: PriceSources = {
  exclusions: realExclusions,
  closed: [
    { key: 'acme-chat-1', id: 'acme-chat-1', vendor: 'acme', provider: 'acme', class: 'large' },
    { key: 'acme-chat-long', id: 'acme-chat-long', vendor: 'acme', provider: 'acme', class: 'reasoning', extra: { unverified: true } },
    { key: 'acme-chat-old-20250101', id: 'acme-chat-old', vendor: 'acme', provider: 'acme', class: 'large' },
    { key: 'gemini/gemini-1.5-flash', id: 'gemini-1.5-flash-from-file', vendor: 'google', provider: 'google', class: 'small' },
    { key: 'bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0', id: 'claude-3-5-sonnet', vendor: 'anthropic', provider: 'anthropic', class: 'large' },
    { key: 'acme-gone', id: 'acme-gone', vendor: 'acme', provider: 'acme', class: 'small' },
  ],
  open: [
    { key: 'together_ai/acme/Open-8B-Instruct-Turbo', model: 'open-8b', provider: 'together', providerModelId: 'acme/Open-8B-Instruct-Turbo' },
    { key: 'deepinfra/acme/Open-8B-Instruct', model: 'open-8b', provider: 'deepinfra', providerModelId: 'acme/Open-8B-Instruct' },
    { key: 'novita/acme/open-8b-instruct', model: 'open-8b', provider: 'novita', providerModelId: 'acme/open-8b-instruct' },
    { key: 'novita/acme/open-8b-free', model: 'open-8b', provider: 'novita', providerModelId: 'acme/open-8b-free' },
    { key: 'wandb/acme/Open-8B-Instruct', model: 'open-8b', provider: 'wandb', providerModelId: 'acme/Open-8B-Instruct' },
    { key: 'fireworks_ai/accounts/fireworks/models/llama-v3p1-405b-instruct-long', model: 'llama-3.1-405b', provider: 'fireworks', providerModelId: 'accounts/fireworks/models/llama-v3p1-405b-instruct-long' },
    { key: 'deepseek/deepseek-chat', model: 'deepseek-v3', provider: 'deepseek', providerModelId: 'deepseek-chat' },
    { key: 'deepseek/deepseek-chat', model: 'deepseek-v3.2', provider: 'deepseek', providerModelId: 'deepseek-chat' },
    { key: 'fireworks_ai/acme/open-embed-v1', model: 'open-embed', provider: 'fireworks', providerModelId: 'acme/open-embed-v1', endpoint: 'embedding' },
    { key: 'openrouter/acme/open-8b-instruct', model: 'open-8b', provider: 'openrouter', providerModelId: 'acme/open-8b-instruct' },
  ],
};

function run(overrides: Partial<UpdateInput> = {}) {
  return updatePriceRows({ litellm, sources, ...before(), asOf: '2026-11-28', sourceLabel: 'sample fixture', today: '2026-11-30', ...overrides });
}

const labels = (rows: Array<{ label: string }>) => rows.map((r) => r.label);

describe('catalog:update (regenerating price rows from a LiteLLM price file)', () => {
  it('converts USD per token to USD per million tokens without float noise', () => {
    assert.equal(perMTok(2.5e-6), 2.5);
    assert.equal(perMTok('0.00000002'), 0.02);
    assert.equal(perMTok(undefined), undefined);
  });

  describe('never copies a value listed as wrong in the facts notes', () => {
    const r = run();
    const all = JSON.stringify([r.closed, r.open]);
    it('wandb/* prices (~1e4 too high) are excluded', () => {
      assert.ok(!r.open.some((row) => row.provider === 'wandb'));
      assert.ok(r.skipped.some((c) => c.label.includes('wandb') && /10\^4/.test(c.reason ?? '')));
    });
    it('gemini-1.5-flash with output 0 is not priced; the hand row at the vendor price stays', () => {
      assert.ok(!r.closed.some((row) => row.id === 'gemini-1.5-flash-from-file'));
      assert.equal(r.closed.find((row) => row.id === 'gemini-1.5-flash')?.outputPerMTok, 0.3);
    });
    it('Bedrock Claude 3.5 Sonnet keeps its 200K context, not the file\'s 1M', () => {
      const row = r.closed.find((x) => x.id === 'claude-3-5-sonnet');
      assert.equal(row?.contextWindow, 200000);
      assert.equal(row?.maxOutputTokens, 4096, 'the entry\'s other fields are still used');
      assert.equal(row?.retired, true, 'a hand-retired row stays retired');
      assert.ok(!all.includes('1000000'));
    });
    it('deepseek-chat prices V3.2, never V3', () => {
      assert.ok(!r.open.some((row) => row.model === 'deepseek-v3'));
      assert.deepEqual(r.open.filter((row) => row.providerModelId === 'deepseek-chat').map((row) => [row.model, row.inputPerMTok, row.outputPerMTok]), [['deepseek-v3.2', 0.28, 0.42]]);
      assert.ok(r.removed.some((c) => c.label.startsWith('deepseek-v3 via deepseek') && /V3\.2/.test(c.reason ?? '')));
    });
    it('Fireworks Llama 3.1 405B long at $0.10 is excluded', () => {
      assert.ok(!r.open.some((row) => row.providerModelId.includes('405b-instruct-long')));
    });
  });

  it('reports added, removed and changed rows, and keeps hand rows and curated fields', () => {
    const r = run();
    assert.deepEqual(labels(r.added).sort(), [
      'acme-chat-long (acme)',
      'acme-chat-old (acme)',
      'deepseek-v3.2 via deepseek deepseek-chat',
      'open-8b via openrouter acme/open-8b-instruct',
      'open-embed via fireworks acme/open-embed-v1',
    ]);
    assert.deepEqual(labels(r.removed).sort(), ['acme-gone (acme)', 'deepseek-v3 via deepseek deepseek-chat']);
    assert.match(r.removed.find((c) => c.label === 'acme-gone (acme)')?.reason ?? '', /not in the price file/);
    const acme = r.changed.find((c) => c.label === 'acme-chat-1 (acme)');
    assert.deepEqual(acme?.fields?.outputPerMTok, [5, 4]);
    assert.deepEqual(acme?.fields?.supportsVision, [null, true]);
    const row = r.closed.find((x) => x.id === 'acme-chat-1');
    assert.deepEqual([row?.inputPerMTok, row?.outputPerMTok, row?.cachedInputPerMTok, row?.batchInputPerMTok, row?.batchOutputPerMTok, row?.maxOutputTokens], [1, 4, 0.25, 0.5, 2, 16384]);
    assert.deepEqual([row?.aliases, row?.notes, row?.priceKey, row?.asOf], [['acme-1'], 'curated note', 'acme-chat-1', '2026-11-28']);
    assert.equal(row?.source, 'LiteLLM model_prices_and_context_window.json, sample fixture; key acme-chat-1');
    assert.ok(r.closed.some((x) => x.id === 'gemini-1.5-flash'), 'a row without a mapped key is a hand row and is kept');
    const text = formatChanges(r);
    assert.match(text, /^added \(5\)/m);
    assert.match(text, /~ \[closed\] acme-chat-1 \(acme\): .*outputPerMTok 5 → 4/);
    assert.match(text, /^removed \(2\)/m);
  });

  it('keeps a hand-set deprecation date and source on an open row the price file still prices (a host retired it; the file has not caught up)', () => {
    const base = before();
    base.open[1] = { ...base.open[1], deprecationDate: '2026-08-16', deprecationSource: 'host deprecations notice, quoted in a PR' };
    const r = run({ open: base.open });
    const row = r.open.find((x) => x.provider === 'deepinfra' && x.providerModelId === 'acme/Open-8B-Instruct');
    assert.deepEqual([row?.deprecationDate, row?.deprecationSource, row?.priceKey], ['2026-08-16', 'host deprecations notice, quoted in a PR', 'deepinfra/acme/Open-8B-Instruct']);
    assert.equal((row as { retired?: boolean } | undefined)?.retired, undefined, 'open rows carry only the date: past it, the reader treats them as retired');
  });

  it('flags a closed model past its deprecation date as retired and drops open endpoints past theirs', () => {
    const r = run();
    const old = r.closed.find((x) => x.id === 'acme-chat-old');
    assert.deepEqual([old?.deprecationDate, old?.retired, old?.deprecationSource], ['2026-01-15', true, 'LiteLLM deprecation_date, sample fixture']);
    const curated = r.closed.find((x) => x.id === 'acme-chat-1');
    assert.deepEqual([curated?.deprecationDate, curated?.deprecationSource, curated?.retired], ['2027-03-01', 'acme deprecations page', undefined], 'a hand date the file is silent on is kept');
    assert.equal(run({ today: '2027-03-01' }).closed.find((x) => x.id === 'acme-chat-1')?.retired, true);
    assert.equal(run({ today: '2026-01-14' }).closed.find((x) => x.id === 'acme-chat-old')?.retired, undefined, 'not yet past: not retired');
    assert.ok(!r.open.some((x) => x.providerModelId === 'acme/open-8b-instruct' && x.provider === 'novita'));
    assert.match(r.skipped.find((c) => c.label.includes('novita acme/open-8b-instruct'))?.reason ?? '', /past its deprecation date 2025-06-01/);
  });

  it('keeps unknown capabilities unknown (null), keeps curated values the file is silent on, and lets the file\'s stated flags win', () => {
    const r = run();
    const together = r.open.find((x) => x.provider === 'together');
    assert.deepEqual([together?.supportsTools, together?.supportsJsonSchema, together?.supportsVision, together?.contextWindow], [true, true, null, null]);
    const deepinfra = r.open.find((x) => x.provider === 'deepinfra');
    assert.equal(deepinfra?.supportsTools, false, 'the file says false: it wins over the curated true');
    assert.deepEqual([deepinfra?.inputPerMTok, deepinfra?.outputPerMTok], [0.04, 0.06]);
    const added = r.closed.find((x) => x.id === 'acme-chat-long');
    assert.deepEqual([added?.supportsVision, added?.supportsJsonSchema, added?.supportsTools, added?.unverified], [null, null, true, true]);
  });

  it('never writes a missing or zero price as $0', () => {
    const r = run();
    assert.ok(!r.open.some((x) => x.providerModelId === 'acme/open-8b-free'));
    assert.match(r.skipped.find((c) => c.label.includes('open-8b-free'))?.reason ?? '', /never \$0/);
    for (const row of [...r.closed, ...r.open]) assert.ok((row.inputPerMTok ?? 1) > 0, `${JSON.stringify(row)} has a $0 input price`);
    const embed = r.open.find((x) => x.model === 'open-embed');
    assert.deepEqual([embed?.endpoint, embed?.inputPerMTok, embed?.outputPerMTok], ['embedding', 0.008, 0]);
  });

  it('reads tiered long-context prices', () => {
    const long = run().closed.find((x) => x.id === 'acme-chat-long');
    assert.deepEqual([long?.longContextThreshold, long?.inputPerMTokLong, long?.outputPerMTokLong], [200000, 4, 18]);
  });

  it('takes OpenRouter rows from an OpenRouter model list when one is given', () => {
    const withOr = run({ openRouter, openRouterAsOf: '2026-11-29', openRouterLabel: 'sample list' });
    const row = withOr.open.find((x) => x.provider === 'openrouter');
    assert.deepEqual([row?.inputPerMTok, row?.outputPerMTok, row?.cachedInputPerMTok, row?.contextWindow, row?.maxOutputTokens, row?.supportsTools, row?.supportsJsonSchema, row?.supportsVision, row?.asOf], [0.02, 0.05, undefined, 131072, 16384, true, true, false, '2026-11-29']);
    assert.match(row?.source ?? '', /OpenRouter \/api\/v1\/models, sample list; id acme\/open-8b-instruct/);
    const without = run().open.find((x) => x.provider === 'openrouter');
    assert.deepEqual([without?.inputPerMTok, without?.contextWindow], [0.1, 65536]);
  });

  it('is idempotent: a second run over its own output changes nothing', () => {
    const first = run();
    const second = run({ closed: first.closed, open: first.open });
    assert.deepEqual([second.added, second.removed, second.changed], [[], [], []]);
    assert.deepEqual(second.closed, first.closed);
    assert.deepEqual(second.open, first.open);
  });

  it('the committed key map points only at catalog models', () => {
    const archIds = new Set(archJson.rows.map((a) => a.id));
    const map = sourcesJson as unknown as PriceSources;
    for (const o of map.open) assert.ok(archIds.has(o.model), `${o.key} maps to ${o.model}, which has no architecture row`);
    const keys = map.open.map((o) => `${o.key}→${o.model}`);
    assert.equal(new Set(keys).size, keys.length, 'no key mapped twice to the same model');
    const closedIds = map.closed.map((c) => c.id);
    assert.equal(new Set(closedIds).size, closedIds.length, 'one key per closed model');
    for (const c of map.closed) assert.ok(closedJson.rows.some((r) => r.id === c.id), `${c.id} is mapped but not in closed-api-prices.json`);
    for (const e of map.exclusions) assert.doesNotThrow(() => new RegExp(e.pattern), e.pattern);
  });

  it('runs as `npm run catalog:update -- <file> [<openrouter file>]` on a copy of the catalog and prints the changes', async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'catalog-update-'));
    try {
      cpSync(path.resolve(__dirname, '../../data/catalog'), dir, { recursive: true });
      const script = path.resolve(__dirname, '../../scripts/catalog-update.ts');
      const run = promisify(execFile);
      const dry = await run(process.execPath, ['--import', 'tsx', script, path.join(FIXTURES, 'litellm-sample.json'), path.join(FIXTURES, 'openrouter-sample.json'), '--as-of', '2026-11-28', '--today', '2026-11-30', '--data-dir', dir, '--dry-run']);
      assert.match(dry.stdout, /^removed \(\d+\)/m);
      assert.match(dry.stdout, /dry run: data files not written/);
      assert.equal(readFileSync(path.join(dir, 'open-api-prices.json'), 'utf8'), readFileSync(path.resolve(__dirname, '../../data/catalog/open-api-prices.json'), 'utf8'));
      const bad = await run(process.execPath, ['--import', 'tsx', script, path.join(FIXTURES, 'litellm-sample.json'), '--data-dir', dir]).catch((e: { code: number; stderr: string }) => e);
      assert.equal((bad as { code: number }).code, 2);
      assert.match((bad as { stderr: string }).stderr, /--as-of YYYY-MM-DD/);
      const args = ['--import', 'tsx', script, path.join(FIXTURES, 'litellm-sample.json'), '--as-of', '2026-11-28', '--today', '2026-11-30', '--data-dir', dir];
      // The sample lacks the real models' keys: removing most of the catalog needs --force, and nothing is written without it.
      const refused = await run(process.execPath, args).catch((e: { code: number; stderr: string }) => e);
      assert.equal((refused as { code: number }).code, 2);
      assert.match((refused as { stderr: string }).stderr, /would be removed: is .* a complete price file\? Nothing written/);
      assert.equal(readFileSync(path.join(dir, 'open-api-prices.json'), 'utf8'), readFileSync(path.resolve(__dirname, '../../data/catalog/open-api-prices.json'), 'utf8'));
      const written = await run(process.execPath, [...args, '--force']);
      assert.match(written.stdout, /wrote \d+ closed and \d+ open rows/);
      const open = JSON.parse(readFileSync(path.join(dir, 'open-api-prices.json'), 'utf8')) as { rows: OpenPriceData[] };
      // The sample file lacks the real models' keys: their rows are reported removed, not silently kept;
      // only hand rows (no priceKey) and rows the sample prices are left.
      const sampleKeys = new Set(Object.keys(JSON.parse(readFileSync(path.join(FIXTURES, 'litellm-sample.json'), 'utf8')) as object));
      const kept = open.rows.filter((r) => r.priceKey !== undefined && !sampleKeys.has(r.priceKey));
      assert.deepEqual(kept.map((r) => r.priceKey), []);
      assert.ok(open.rows.some((r) => r.priceKey !== undefined), 'the sample prices some open rows');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prices media endpoints in their own unit: per second of audio → per minute, per image; an entry without that unit is skipped', () => {
    const media: PriceSources = {
      exclusions: [],
      closed: [
        { key: 'acme/whisper', id: 'acme-whisper', vendor: 'acme', provider: 'acme', class: 'transcription', endpoint: 'audio-transcription' },
        { key: 'acme/painter', id: 'acme-painter', vendor: 'acme', provider: 'acme', class: 'image', endpoint: 'image-generation' },
        { key: 'acme/embed', id: 'acme-embed', vendor: 'acme', provider: 'acme', class: 'embedding', endpoint: 'embedding' },
        { key: 'acme/silent', id: 'acme-silent', vendor: 'acme', provider: 'acme', class: 'transcription', endpoint: 'audio-transcription' },
        { key: 'acme/rerank', id: 'acme-rerank', vendor: 'acme', provider: 'acme', class: 'rerank', endpoint: 'rerank' },
      ],
      open: [],
    };
    const file = {
      'acme/whisper': { mode: 'audio_transcription', input_cost_per_second: 1.111e-5, output_cost_per_second: 0 },
      'acme/painter': { mode: 'image_generation', output_cost_per_image: 0.04 },
      'acme/embed': { mode: 'embedding', input_cost_per_token: 1e-7, input_cost_per_image: 1e-4 },
      'acme/silent': { mode: 'audio_transcription', input_cost_per_second: 0 },
      'acme/rerank': { mode: 'rerank', input_cost_per_query: 0.002, input_cost_per_token: 0 },
    };
    const r = updatePriceRows({ litellm: file, sources: media, closed: [], open: [], asOf: '2026-11-28', sourceLabel: 'sample', today: '2026-11-30' });
    const row = (id: string) => r.closed.find((x) => x.id === id);
    assert.equal(row('acme-whisper')?.perMinuteUsd, 0.0006666);
    assert.equal(row('acme-painter')?.perImageUsd, 0.04);
    assert.deepEqual([row('acme-embed')?.inputPerMTok, row('acme-embed')?.outputPerMTok, row('acme-embed')?.perImageUsd], [0.1, 0, undefined]);
    assert.equal(row('acme-silent'), undefined);
    assert.deepEqual([row('acme-rerank')?.perSearchUsd, row('acme-rerank')?.inputPerMTok, row('acme-rerank')?.outputPerMTok], [0.002, undefined, undefined]);
    assert.match(r.skipped.find((c) => c.label.startsWith('acme-silent'))?.reason ?? '', /no per-second audio price.*never \$0/);
  });

  it('reads map entries marked `from: "secondary"` from the second price file, cited as that file; without it, keeps their rows', () => {
    const map: PriceSources = { exclusions: [], closed: [{ key: 'acme-x', id: 'acme-x', vendor: 'acme', provider: 'acme', class: 'large', from: 'secondary' }], open: [] };
    const secondary = { prices: { 'acme-x': { mode: 'chat', input_cost_per_token: 3e-7, output_cost_per_token: 1.2e-6 } }, sourceLabel: 'filtered copy @abc', asOf: '2026-07-24' };
    const first = updatePriceRows({ litellm: {}, sources: map, closed: [], open: [], asOf: '2026-11-28', sourceLabel: 'main file', today: '2026-11-30', secondary });
    const row = first.closed[0];
    assert.deepEqual([row.inputPerMTok, row.outputPerMTok, row.source, row.asOf], [0.3, 1.2, 'filtered copy @abc; key acme-x', '2026-07-24']);
    const without = updatePriceRows({ litellm: {}, sources: map, closed: first.closed, open: [], asOf: '2026-11-28', sourceLabel: 'main file', today: '2026-11-30' });
    assert.deepEqual([without.closed, without.removed], [first.closed, []]);
  });
});
