/**
 * The editor's pure modules: the llm-advisor comment edit, the what-if re-pricing, the price
 * override layer and the atomic usage-file write-back. Plain Node, no VS Code.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, chmodSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseAnnotation } from '../../../src/core/estimate/annotations';
import { PRECISIONS } from '../../../src/model/vocabulary';
import { parseUsageFile } from '../../../src/core/usage/usage';
import { scanWorkspace } from '../../../src/scan/scan';
import type { ScanResult } from '../../../src/model/types';
import { planAnnotationEdit } from '../../../src/extension/annotationEdit';
import { catalogWithOverride, parsePriceFile, parseStoredOverride } from '../../../src/core/catalog/priceOverride';
import { loadCatalog } from '../../../src/core/catalog/catalog';
import { ensureUsageFile, patchUsageFile, USAGE_FILE_TEMPLATE } from '../../../src/scan/usageFile';
import { applyWhatIf } from '../../../src/core/pricing/whatIf';
import { parseFromWebview } from '../../../src/webview/protocol';

const EXAMPLE = path.resolve('examples', 'support-desk');

describe('editor: llm-advisor comment edits', function () {
  const apply = (lines: string[], edit: ReturnType<typeof planAnnotationEdit>) => {
    const out = [...lines];
    if (!edit) return out;
    if (edit.kind === 'insert') out.splice(edit.line, 0, edit.text);
    else if (edit.kind === 'replace') out[edit.line] = edit.text;
    else out.splice(edit.line, 1);
    return out;
  };

  it('inserts a comment with the call line\'s indentation', function () {
    const lines = ['function f() {', '    const r = await client.chat.completions.create({});', '}'];
    const out = apply(lines, planAnnotationEdit(lines, 1, { calls: '20000/day' }));
    assert.equal(out[1], '    // llm-advisor: calls=20000/day');
    assert.equal(parseAnnotation(out[1], 2).annotation?.callsPerMonth, Math.round(20000 * 365 / 12));
  });

  it('updates an existing comment in place, keeping its other keys', function () {
    const lines = ['  // some note', '  // llm-advisor: task=extraction calls = 5k / day hole.rag-context=3000', '  await x.create({});'];
    const out = apply(lines, planAnnotationEdit(lines, 2, { calls: '100/hour' }));
    assert.equal(out.length, 3);
    assert.equal(out[1], '  // llm-advisor: task=extraction calls=100/hour hole.rag-context=3000');
    const out2 = apply(out, planAnnotationEdit(out, 2, { task: 'classification' }));
    assert.equal(out2[1], '  // llm-advisor: task=classification calls=100/hour hole.rag-context=3000');
    const parsed = parseAnnotation(out2[1], 2);
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.annotation?.task, 'classification');
  });

  it('removes a key with null, and the comment when nothing is left; no-op returns undefined', function () {
    const lines = ['// llm-advisor: task=chat', 'await x.create({});'];
    assert.deepEqual(planAnnotationEdit(lines, 1, { task: null }), { kind: 'delete', line: 0 });
    assert.equal(planAnnotationEdit(lines, 1, { task: 'chat' }), undefined);
  });

  it('refuses values that could break out of the comment', function () {
    assert.throws(() => planAnnotationEdit(['x'], 0, { task: 'chat */ evil()' }));
    assert.throws(() => planAnnotationEdit(['x'], 0, { calls: '1\nrequire("x")' }));
  });
});

describe('editor: what-if re-pricing', function () {
  let scan: ScanResult;
  before(async function () {
    this.timeout(120000);
    scan = await scanWorkspace(EXAMPLE, {});
  });
  const stable = (r: ScanResult) => JSON.parse(JSON.stringify({ ...r, generatedAt: 0, summary: { ...r.summary, durationMs: 0 } }));

  it('with no what-if, re-pricing reproduces the scan exactly', function () {
    assert.deepEqual(stable(applyWhatIf(scan, {})), stable(scan));
  });

  it('a call\'s volume changes its cost and the workspace total', function () {
    const site = scan.callSites.find((c) => (c.monthlyUsdCurrent ?? 0) > 0)!;
    const out = applyWhatIf(scan, { callsPerMonth: { [site.id]: site.volume.callsPerMonth * 10 } });
    const after = out.callSites.find((c) => c.id === site.id)!;
    assert.equal(after.volume.callsPerMonth, site.volume.callsPerMonth * 10);
    assert.ok(Math.abs(after.monthlyUsdCurrent! - site.monthlyUsdCurrent! * 10) < 0.01 * site.monthlyUsdCurrent! * 10);
    assert.ok(out.summary.monthlyUsdCurrent > scan.summary.monthlyUsdCurrent);
    assert.equal(scan.callSites.find((c) => c.id === site.id)!.volume.callsPerMonth, site.volume.callsPerMonth, 'input not modified');
  });

  it('regulated data makes third-party APIs not viable: only the team\'s own cloud account or self-hosting remain', function () {
    const out = applyWhatIf(scan, { dataSensitivity: 'regulated' });
    // Core applies it to chat-style calls (embedding and media advice have no self-hosted alternative).
    for (const site of out.callSites.filter((c) => c.endpoint === 'chat')) {
      for (const o of site.options) if (o.tier !== 'self-hosted' && o.viable) assert.match(o.label, /in your own (Azure subscription|AWS account|Google Cloud project)$/, `${site.id} ${o.label}`);
      assert.notEqual(site.recommendation?.action, 'keep', `${site.id}: a non-compliant call is never kept as is`);
    }
  });

  it('GPU and precision re-plan the self-hosted options', function () {
    const out = applyWhatIf(scan, { gpu: 'h100-80gb', precision: 'fp8' });
    const sized = out.callSites.flatMap((c) => c.options).filter((o) => o.sizing && o.viable);
    assert.ok(sized.length > 0);
    for (const o of sized) {
      assert.equal(o.sizing!.gpu, 'h100-80gb');
      assert.equal(o.sizing!.precision, 'fp8');
    }
  });

  it('GPU and precision also size the workspace self-hosting pool', function () {
    const out = applyWhatIf(scan, { gpu: 'h100-80gb', precision: 'fp8' });
    assert.ok(out.workspace?.selfHost, 'a pool is evaluated');
    assert.equal(out.workspace!.selfHost!.sizing.gpu, 'h100-80gb');
    assert.equal(out.workspace!.selfHost!.sizing.precision, 'fp8');
  });

  it('a GPU that cannot hold the model makes self-hosting not viable, with the reason', function () {
    const out = applyWhatIf(scan, { gpu: 'rtx-4090-24gb', precision: 'bf16' });
    const unfit = out.callSites.flatMap((c) => c.options).filter((o) => o.tier === 'self-hosted' && !o.viable);
    assert.ok(unfit.some((o) => /no priced configuration that fits on rtx-4090-24gb, bf16|not viable/.test(o.why)), JSON.stringify(unfit.map((o) => o.why)));
  });

  it('the protocol accepts exactly the sizer\'s precisions', function () {
    for (const precision of PRECISIONS) assert.equal((parseFromWebview({ type: 'whatIf', precision }) as { precision?: string } | undefined)?.precision, precision);
    assert.equal(parseFromWebview({ type: 'whatIf', precision: 'fp4' }), undefined);
  });
});

describe('editor: price override layer', function () {
  const now = new Date('2026-11-27T00:00:00Z');
  it('reads LiteLLM\'s price file for models the catalog knows, ignoring the rest', function () {
    const text = JSON.stringify({ sample_spec: { input_cost_per_token: 0 }, 'gpt-4o': { input_cost_per_token: 5e-6, output_cost_per_token: 2e-5 }, 'made-up': { input_cost_per_token: 1e-6, output_cost_per_token: 1e-6 } });
    const r = parsePriceFile(text, 'https://example.test/p.json', now);
    assert.ok('override' in r, JSON.stringify(r));
    assert.deepEqual(r.override.rows, [{ id: 'gpt-4o', inputPerMTok: 5, outputPerMTok: 20 }]);
    assert.equal(r.ignored, 2);
    const catalog = catalogWithOverride(r.override);
    const row = catalog.closed.find((c) => c.id === 'gpt-4o')!;
    assert.equal(row.inputPerMTok, 5);
    assert.match(row.source, /price override from https:\/\/example\.test/);
  });

  it('keeps everything but the closed prices when an override is applied (own-cloud offers, routers, assumed model sets)', function () {
    const r = parsePriceFile(JSON.stringify({ 'gpt-4o': { input_cost_per_token: 5e-6, output_cost_per_token: 2e-5 } }), 'https://example.test/p.json', now);
    assert.ok('override' in r, JSON.stringify(r));
    const base = loadCatalog();
    const catalog = catalogWithOverride(r.override, base);
    assert.ok((base.ownCloud ?? []).length > 0 && (base.routers ?? []).length > 0 && (base.assumedModels ?? []).length > 0, 'the bundled catalog has own-cloud, router and assumed-model rows');
    assert.deepEqual(catalog.ownCloud, base.ownCloud);
    assert.deepEqual(catalog.routers, base.routers);
    assert.deepEqual(catalog.assumedModels, base.assumedModels);
  });

  it('rejects garbage, negative, huge and non-finite prices', function () {
    assert.ok('error' in parsePriceFile('not json', 'u', now));
    assert.ok('error' in parsePriceFile('[]', 'u', now));
    assert.ok('error' in parsePriceFile(JSON.stringify({ rows: [{ id: 'gpt-4o', inputPerMTok: -1, outputPerMTok: 1 }] }), 'u', now));
    assert.ok('error' in parsePriceFile(JSON.stringify({ rows: [{ id: 'gpt-4o', inputPerMTok: 1e9, outputPerMTok: 1 }] }), 'u', now));
    assert.ok('error' in parsePriceFile(JSON.stringify({ 'gpt-4o': { input_cost_per_token: '1', output_cost_per_token: 1 } }), 'u', now));
    assert.equal(parseStoredOverride({ version: 1, url: 'u', fetchedAt: 'x', asOf: 'y', rows: [{ id: 'a', inputPerMTok: 'x', outputPerMTok: 1 }] }), undefined);
  });

  it('re-prices a scan with the override', async function () {
    this.timeout(120000);
    const scan = await scanWorkspace(EXAMPLE, {});
    const site = scan.callSites.find((c) => c.model.id === 'gpt-4o' && (c.monthlyUsdCurrent ?? 0) > 0);
    if (!site) this.skip();
    const r = parsePriceFile(JSON.stringify({ asOf: '2026-11-01', rows: [{ id: 'gpt-4o', inputPerMTok: 25, outputPerMTok: 100 }] }), 'https://x.test/p.json', now);
    assert.ok('override' in r);
    const out = applyWhatIf(scan, {}, catalogWithOverride(r.override));
    const after = out.callSites.find((c) => c.id === site!.id)!;
    assert.ok(Math.abs(after.monthlyUsdCurrent! / site!.monthlyUsdCurrent! - 10) < 0.05, `${after.monthlyUsdCurrent} vs ${site!.monthlyUsdCurrent}`);
  });
});

describe('editor: usage file write-back', function () {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'llmha-usage-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a commented template that parses and sets nothing', async function () {
    const { file, created } = await ensureUsageFile(dir);
    assert.ok(created);
    assert.equal(readFileSync(file, 'utf8'), USAGE_FILE_TEMPLATE);
    const parsed = parseUsageFile(USAGE_FILE_TEMPLATE);
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.usage.defaults, undefined);
    assert.equal((await ensureUsageFile(dir)).created, false);
  });

  it('writes a call\'s volume keeping comments, atomically, leaving no temp file', async function () {
    const file = path.join(dir, 'llm-usage.yml');
    writeFileSync(file, '# my notes\nversion: 1\ndefaults:\n  callsPerMonth: 5000 # keep\n');
    chmodSync(file, 0o600);
    await patchUsageFile(dir, 'src/a.ts#f:create', { callsPerMonth: 1234 });
    const text = readFileSync(file, 'utf8');
    assert.match(text, /# my notes/);
    assert.match(text, /5000 # keep/);
    const parsed = parseUsageFile(text);
    assert.equal(parsed.usage.callSites?.['src/a.ts#f:create']?.callsPerMonth, 1234);
    assert.deepEqual(readdirSync(dir), ['llm-usage.yml']);
    assert.equal(statSync(file).mode & 0o777, 0o600, 'the user\'s file mode is kept');
  });

  it('never overwrites a file that does not parse', async function () {
    const file = path.join(dir, 'llm-usage.yml');
    const broken = 'version: 1\ncallSites: [unclosed\n';
    writeFileSync(file, broken);
    await assert.rejects(patchUsageFile(dir, 'x', { callsPerMonth: 1 }));
    assert.equal(readFileSync(file, 'utf8'), broken);
  });
});

describe('protocol: what-if messages from the webview', function () {
  it('accepts valid changes and rejects forged ones', function () {
    assert.deepEqual(parseFromWebview({ type: 'whatIf', callSiteId: 'a#b:c', callsPerMonth: 12.4 }), { type: 'whatIf', callSiteId: 'a#b:c', callsPerMonth: 12 });
    assert.deepEqual(parseFromWebview({ type: 'whatIf', dataSensitivity: 'regulated' }), { type: 'whatIf', dataSensitivity: 'regulated' });
    assert.deepEqual(parseFromWebview({ type: 'whatIf', gpu: null, precision: 'int4' }), { type: 'whatIf', gpu: null, precision: 'int4' });
    for (const bad of [
      { type: 'whatIf', callsPerMonth: 5 },
      { type: 'whatIf', callSiteId: 'a', callsPerMonth: -1 },
      { type: 'whatIf', callSiteId: 'a', callsPerMonth: Infinity },
      { type: 'whatIf', callSiteId: 'a', callsPerMonth: '5' },
      { type: 'whatIf', dataSensitivity: 'none' },
      { type: 'whatIf', gpu: '../../etc/passwd' },
      { type: 'whatIf', precision: 'fp4' },
      { type: 'whatIf', path: '/tmp/x' },
      { type: 'saveVolume', callSiteId: 'a', file: '/etc/passwd' },
      { type: 'saveVolume' },
      { type: 'resetWhatIf', x: 1 },
    ]) assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad));
  });
});
