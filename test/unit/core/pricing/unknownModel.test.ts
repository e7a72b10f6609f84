/**
 * Never a silent $0, a model can be a set, users can tell it (issue 13 §2-4, issue 17 "hints must
 * work"): `model=` in the comment and the usage file with the volumes' precedence, pricing over
 * candidates and assumed sets, every output naming an unpriced call as such, and the printed
 * instruction followed literally on a project on disk until the call is priced.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseAnnotation } from '../../../../src/core/estimate/annotations';
import { parseUsageFile, resolveStatedModel, updateUsageFile } from '../../../../src/core/usage/usage';
import { adviseSite, exampleModelFor } from '../../../../src/core/pricing/modelSet';
import { adviseCall } from '../../../../src/core/pricing/advisor';
import { assumedModelsFor, findArchitecture, findModel, loadCatalog, servesEndpoint } from '../../../../src/core/catalog/catalog';
import { formatTotalCost } from '../../../../src/model/display';
import { applyWhatIf, modelChoices } from '../../../../src/core/pricing/whatIf';
import { renderMarkdownPlan } from '../../../../src/core/report/plan';
import { compareScans, renderCostDiffMarkdown } from '../../../../src/core/report/costDiff';
import { renderTable } from '../../../../src/cli/table';
import { parseArguments } from '../../../../src/cli/args';
import { codeLensTitle, codeLensTooltip, hoverMarkdown, statusBarText } from '../../../../src/extension/text';
import { planAnnotationEdit } from '../../../../src/extension/annotationEdit';
import { renderDetail, renderRow, renderSummary, renderWhatIf } from '../../../../src/webview/render';
import { parseFromWebview, parseWhatIfState } from '../../../../src/webview/protocol';
import { scanWorkspace } from '../../../../src/scan/scan';
import type { CallSite, ModelRef, ScanResult } from '../../../../src/model/types';
import type { AdviceInput } from '../../../../src/core/pricing/advisor';
import { adviceInput, writeProject } from '../../fixtureProject';

const catalog = loadCatalog();

/**
 * A small app: a user-chosen model, a ternary between two models, and a model nobody can resolve on
 * a provider (Groq) that the suite's catalog gives no reference set, so it stays unpriced.
 */
const APP = `import OpenAI from 'openai';
import Groq from 'groq-sdk';
const openai = new OpenAI();
const groq = new Groq();
export async function answer(req: { body: { model: string; q: string } }) {
  const res = await openai.chat.completions.create({
    model: req.body.model,
    messages: [{ role: 'user', content: req.body.q }],
  });
  return res;
}
export async function pick(fast: boolean, q: string) {
  return openai.chat.completions.create({ model: fast ? 'gpt-4o-mini' : 'gpt-4o', messages: [{ role: 'user', content: q }] });
}
export async function dyn(m: string, q: string) {
  return groq.chat.completions.create({ model: m, messages: [{ role: 'user', content: q }] });
}
`;

/** The bundled catalog without Groq's reference set and the ones that apply to any provider: a model nobody states on Groq stays unknown. */
const noCatchAllSets = { ...catalog, assumedModels: catalog.assumedModels!.filter((row) => row.provider !== '*' && row.provider !== 'groq') };
/** The bundled catalog with no reference sets at all. */
const noSets = { ...catalog, assumedModels: [] };

function project(files: Record<string, string>): string {
  return writeProject(files, 'unknown-model-');
}

const input = adviceInput;

describe('model= in the llm-advisor comment and llm-usage.yml', () => {
  it('the comment takes model= next to the other keys, and rejects what is not a model id', () => {
    const parsed = parseAnnotation('// llm-advisor: model=gpt-4o-mini calls=1000/day', 3);
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.annotation?.model, 'gpt-4o-mini');
    assert.equal(parsed.annotation?.callsPerMonth, Math.round(1000 * 365 / 12));
    assert.equal(parseAnnotation('// llm-advisor: model=anthropic.claude-3-haiku-20240307-v1:0', 1).annotation?.model, 'anthropic.claude-3-haiku-20240307-v1:0');
    const bad = parseAnnotation('// llm-advisor: model=$(rm) task=chat', 1);
    assert.equal(bad.annotation?.model, undefined);
    assert.match(bad.errors[0], /not a model id/);
    assert.match(parseAnnotation('// llm-advisor: modle=gpt-4o', 1).errors[0], /use task=, calls=, model=/);
  });

  it('the usage file takes model in every section; a bad value is an error with its line', () => {
    const { usage, errors } = parseUsageFile(['version: 1', 'defaults:', '  model: gpt-4.1-mini', 'functions:', '  answer:', '    model: claude-haiku-4-5', 'files:', '  "src/**": { model: gpt-4o }', 'callSites:', '  "src/a.ts#dyn:x": { model: 42 }', ''].join('\n'));
    assert.equal(usage.defaults?.model, 'gpt-4.1-mini');
    assert.equal(usage.functions?.answer.model, 'claude-haiku-4-5');
    assert.equal(usage.files?.['src/**'].model, 'gpt-4o');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].line, 10);
    assert.match(errors[0].message, /model must be a model id/);
  });

  it('precedence as for volumes: comment > call id > function > file glob > defaults', () => {
    const { usage } = parseUsageFile(['defaults: { model: d }', 'files: { "src/**": { model: f } }', 'functions: { answer: { model: fn } }', 'callSites: { "id1": { model: c } }'].join('\n'));
    const key = { id: 'id1', file: 'src/a.ts', enclosingFunction: 'answer' };
    assert.equal(resolveStatedModel({ ...key, annotation: { raw: '', line: 2, model: 'a' } }, usage)?.id, 'a');
    assert.equal(resolveStatedModel(key, usage)?.id, 'c');
    assert.equal(resolveStatedModel({ ...key, id: 'other' }, usage)?.id, 'fn');
    assert.equal(resolveStatedModel({ ...key, id: 'other', enclosingFunction: 'x' }, usage)?.id, 'f');
    const fromDefaults = resolveStatedModel({ id: 'other', file: 'lib/b.ts', enclosingFunction: null }, usage);
    assert.deepEqual(fromDefaults && { id: fromDefaults.id, source: fromDefaults.source }, { id: 'd', source: 'usage-file' });
    assert.equal(resolveStatedModel({ id: 'other', file: 'lib/b.ts', enclosingFunction: null }, undefined), undefined);
  });

  it('updateUsageFile writes and removes model for a call id, keeping the rest', () => {
    const written = updateUsageFile('# mine\nversion: 1\n', 'src/a.ts#dyn:create', { model: 'gpt-4.1-mini' });
    assert.match(written, /# mine/);
    assert.equal(parseUsageFile(written).usage.callSites?.['src/a.ts#dyn:create'].model, 'gpt-4.1-mini');
    const removed = updateUsageFile(written, 'src/a.ts#dyn:create', { model: null });
    assert.equal(parseUsageFile(removed).usage.callSites?.['src/a.ts#dyn:create'], undefined);
  });

  it('Set Model for Call writes a comment the parser reads back, and updates an existing one in place', () => {
    const lines = ['async function f() {', '  return openai.chat.completions.create({ model: m });', '}'];
    const insert = planAnnotationEdit(lines, 1, { model: 'gpt-4.1-mini' });
    assert.deepEqual(insert, { kind: 'insert', line: 1, text: '  // llm-advisor: model=gpt-4.1-mini' });
    assert.equal(parseAnnotation(insert!.text, 1).annotation?.model, 'gpt-4.1-mini');
    const existing = ['  // llm-advisor: calls=20k/day model=gpt-4o', '  create()'];
    assert.deepEqual(planAnnotationEdit(existing, 1, { model: 'claude-haiku-4-5' }), { kind: 'replace', line: 0, text: '  // llm-advisor: calls=20k/day model=claude-haiku-4-5' });
    assert.deepEqual(planAnnotationEdit(existing, 1, { model: null }), { kind: 'replace', line: 0, text: '  // llm-advisor: calls=20k/day' });
    assert.throws(() => planAnnotationEdit(lines, 1, { model: 'a b' }), /not a valid annotation value/);
  });

  it('the quick pick offers catalog ids only, each of which is priced', () => {
    const choices = modelChoices(catalog);
    assert.ok(choices.length > 20);
    assert.ok(choices.some((c) => c.id === 'gpt-4.1-mini') && choices.some((c) => c.id === 'llama-3.3-70b'));
    for (const choice of choices.filter((c) => !c.description.includes('embedding')).slice(0, 30)) {
      assert.notEqual(adviseCall(input({ id: choice.id, raw: choice.id, source: 'what-if' }), catalog).monthlyUsdCurrent, null, choice.id);
    }
  });
});

describe('the model an instruction shows', () => {
  it('is one the catalog prices for the call\'s kind: a speech or transcription model for speech, the provider\'s own when it has one', () => {
    const endpointOf = (id: string) => catalog.closed.find((row) => row.id === id)?.endpoint;
    assert.equal(endpointOf(exampleModelFor(catalog, 'azure-speech', 'audio-speech')), 'audio-speech');
    assert.equal(endpointOf(exampleModelFor(catalog, 'ibm-watson', 'audio-transcription')), 'audio-transcription');
    assert.equal(catalog.closed.find((row) => row.id === exampleModelFor(catalog, 'deepgram', 'audio-transcription'))?.provider, 'deepgram');
    assert.equal(endpointOf(exampleModelFor(catalog, 'openai', 'embedding')), 'embedding');
    assert.equal(endpointOf(exampleModelFor(catalog, 'unknown', 'chat')), 'chat');
  });
});

describe('pricing a model set', () => {
  it('prices every candidate: the number is the first one\'s, the range spans all, one recommendation', () => {
    const mini = adviseCall(input({ id: 'gpt-4o-mini', raw: 'x', source: 'literal' }), catalog).monthlyUsdCurrent!;
    const big = adviseCall(input({ id: 'gpt-4o', raw: 'x', source: 'literal' }), catalog).monthlyUsdCurrent!;
    const advice = adviseSite(input({ id: 'gpt-4o-mini', raw: 'fast ? a : b', source: 'literal', candidates: [{ id: 'gpt-4o-mini', source: 'literal', where: 'a.ts:3' }, { id: 'gpt-4o', source: 'literal', where: 'a.ts:3' }] }), catalog);
    assert.equal(advice.monthlyUsdCurrent, mini);
    assert.deepEqual(advice.monthlyUsdCurrentRange, { low: Math.min(mini, big), high: Math.max(mini, big) });
    assert.equal(advice.modelPricing?.assumed, false);
    const today = advice.options.find((option) => option.current)!;
    assert.equal(today.label, 'Stay on gpt-4o-mini (1 of 2 models the call can send)');
    assert.match(today.why, /^what the code does today with gpt-4o-mini, the first of the models it can send/, today.why);
    assert.deepEqual(advice.modelPricing?.models.map((m) => [m.id, m.monthlyUsd, m.where]), [['gpt-4o-mini', mini, 'a.ts:3'], ['gpt-4o', big, 'a.ts:3']]);
    assert.ok(advice.recommendation);
  });

  it('a first candidate missing from the catalog: the next priced one carries the number, and the basis says so', () => {
    const advice = adviseSite(input({ id: 'no-such-model-9', raw: 'x', source: 'app-list', candidates: [{ id: 'no-such-model-9', source: 'app-list', where: 'm.ts:1' }, { id: 'gpt-4o', source: 'app-list', where: 'm.ts:2' }] }), catalog);
    assert.equal(advice.modelPricing?.model, 'gpt-4o');
    assert.match(advice.modelPricing!.basis, /no-such-model-9, is not in the catalog, so gpt-4o is priced/);
    assert.equal(advice.monthlyUsdCurrentRange, undefined, 'one priced model: no range');
    // Today's option names the model the code sends first, not the one that carries the number.
    const today = advice.options.find((option) => option.current)!;
    assert.equal(today.label, 'Stay on no-such-model-9 (1 of 2 models the call can send; priced as gpt-4o)');
    assert.match(today.why, /no-such-model-9 is not in the catalog, so gpt-4o is priced/);
    assert.equal(today.model, 'gpt-4o');
    if (advice.recommendation?.action === 'keep') assert.equal(advice.recommendation.label, today.label);
    else assert.ok(advice.options.some((option) => option.label === (advice.recommendation!.optionLabel ?? advice.recommendation!.label)), 'the recommendation still points at an option');
  });

  it('a retired model does not stand in for an unpriced first one: no figure and no migration off a model the code does not default to', () => {
    // PPIO sells the example env's deepseek-v3 community row only until its deprecation date, and no Qwen2.5-32B.
    const set: ModelRef = { id: 'qwen/qwen2.5-32b-instruct', raw: 'this.model', source: 'constant', candidates: [{ id: 'qwen/qwen2.5-32b-instruct', source: 'constant', where: 'ppio.js:35' }, { id: 'deepseek/deepseek-v3/community', source: 'env-example', where: '.env.example:140' }] };
    const advice = adviseSite(input(set, { provider: 'ppio' }), catalog, { today: '2026-12-03' });
    assert.equal(advice.monthlyUsdCurrent, null);
    assert.equal(advice.recommendation, null, 'no "Migrate" for a stand-in');
    assert.match(advice.unpriced?.reason ?? '', /no model this call can send has a current price at ppio: qwen\/qwen2\.5-32b-instruct has no price for ppio in the catalog; deepseek-v3 is retired by ppio \(deprecation date 2026-01-30\) \(so not used as a stand-in\)/, advice.unpriced?.reason);
    // Before its date the same stand-in carries the number, as any priced candidate does.
    const before = adviseSite(input(set, { provider: 'ppio' }), catalog, { today: '2025-12-01' });
    assert.ok(before.monthlyUsdCurrent !== null && before.monthlyUsdCurrent > 0, 'priced as deepseek-v3 while it is sold');
  });

  it('a first candidate the catalog has but not at the call\'s provider: the basis says it has no price there, not that it is missing', () => {
    const advice = adviseSite({ ...input({ id: 'gemma-3-27b', raw: 'x', source: 'app-list', candidates: [{ id: 'gemma-3-27b', source: 'app-list', where: 'm.ts:1' }, { id: 'gpt-4o', source: 'app-list', where: 'm.ts:2' }] }), provider: 'groq' }, catalog);
    assert.equal(advice.modelPricing?.model, 'gpt-4o');
    assert.match(advice.modelPricing!.basis, /the first, gemma-3-27b, has no price for groq in the catalog, so gpt-4o is priced/);
    assert.match(advice.options.find((option) => option.current)!.why, /gemma-3-27b has no price for groq in the catalog, so gpt-4o is priced/);
  });

  it('a user-chosen model with no list is priced against the provider\'s assumed set, labeled an assumption; the setting replaces it', () => {
    const userChoice: ModelRef = { id: null, raw: 'req.body.model', source: 'user-choice' };
    const advice = adviseSite(input(userChoice), catalog);
    const row = catalog.assumedModels!.find((r) => r.provider === 'openai')!;
    assert.equal(advice.modelPricing?.assumed, true);
    assert.deepEqual(advice.modelPricing?.models.map((m) => m.id), row.models);
    assert.equal(advice.monthlyUsdCurrent, adviseCall(input({ id: row.models[0], raw: '', source: 'literal' }), catalog).monthlyUsdCurrent);
    assert.ok(advice.monthlyUsdCurrentRange!.high > advice.monthlyUsdCurrentRange!.low);
    assert.match(advice.modelPricing!.basis, /assumption/);
    assert.ok(advice.recommendation, 'still recommended by the task');
    const stated = adviseSite(input(userChoice), catalog, { assumedModels: ['claude-haiku-4-5', 'gpt-4.1-nano'] });
    assert.deepEqual(stated.modelPricing?.models.map((m) => m.id), ['claude-haiku-4-5', 'gpt-4.1-nano']);
    assert.match(stated.modelPricing!.basis, /llmHostingAdvisor\.assumedModels/);
    // Every row of the data file names models the catalog prices for a provider that row applies to.
    for (const r of catalog.assumedModels!) {
      const endpoint = (r.endpoint ?? 'chat') as AdviceInput['endpoint'];
      for (const id of r.models) assert.notEqual(adviseCall(input({ id, raw: id, source: 'literal' }, { provider: r.provider === '*' ? 'together' : r.provider, endpoint }), catalog).monthlyUsdCurrent, null, `${r.provider}: ${id}`);
    }
  });

  it("a user-chosen model whose app list has no model with a current price (an old list): priced against the provider's assumed set, the basis naming the list", () => {
    const oldList: ModelRef = { id: 'claude-instant-1.2', raw: 'modelConfig.model', source: 'user-choice', candidates: [{ id: 'claude-instant-1.2', source: 'app-list', where: 'app/constant.ts:568' }, { id: 'claude-2.1', source: 'app-list', where: 'app/constant.ts:570' }] };
    const advice = adviseSite(input(oldList, { provider: 'anthropic' }), catalog);
    const row = assumedModelsFor(catalog, 'anthropic', 'chat')!;
    assert.ok(advice.monthlyUsdCurrent !== null && advice.monthlyUsdCurrent > 0, `priced, not null: ${JSON.stringify(advice.unpriced)}`);
    assert.equal(advice.modelPricing?.assumed, true);
    assert.deepEqual(advice.modelPricing?.models.map((m) => m.id), row.models);
    assert.match(advice.modelPricing!.basis, /^none of the models the app lists has a current price at anthropic \(claude-instant-1\.2 \(not priced\), claude-2\.1 \(not priced\)\); .*assumption/);
  });

  it('a Jina classifier call (a classifier_id, no model) is priced per input token at its assumed model, jina-embeddings-v3, and says it is an assumption', () => {
    const dynamic: ModelRef = { id: null, raw: '', source: 'dynamic' };
    const advice = adviseSite(input(dynamic, { provider: 'jina', endpoint: 'other', task: { type: 'classification', confidence: 0.8, reasons: [] }, tokens: { inputPerCall: 300, outputPerCall: 10, method: 'counted (test)' }, volume: { callsPerMonth: 10_000, source: 'annotation' } }), catalog);
    assert.equal(advice.modelPricing?.assumed, true);
    assert.deepEqual(advice.modelPricing?.models.map((m) => m.id), ['jina-embeddings-v3']);
    // 10,000 × 300 input tokens × Jina's $0.018/M; the classifier returns labels, no billed output.
    assert.ok(Math.abs((advice.monthlyUsdCurrent ?? 0) - (10_000 * 300 * 0.018) / 1e6) < 1e-12, String(advice.monthlyUsdCurrent));
    assert.match(advice.modelPricing!.basis, /assumed set .*a guess, not what the code states/);
    assert.ok(advice.recommendation);
  });

  it('a model only the deployer\'s env variable sets is priced against the assumed set, naming the variable and how to set the real model', () => {
    const deployment: ModelRef = { id: null, raw: 'this.model', source: 'deployment-choice', env: 'COHERE_MODEL_PREF' };
    const advice = adviseSite(input(deployment, { provider: 'cohere' }), catalog);
    const row = catalog.assumedModels!.find((r) => r.provider === '*')!;
    assert.equal(advice.modelPricing?.assumed, true);
    assert.deepEqual(advice.modelPricing?.models.map((m) => m.id), row.models);
    assert.ok(advice.monthlyUsdCurrent! > 0, 'never $0');
    assert.ok(advice.monthlyUsdCurrentRange!.high > advice.monthlyUsdCurrentRange!.low);
    assert.match(advice.modelPricing!.basis, /env variable COHERE_MODEL_PREF/);
    assert.match(advice.modelPricing!.basis, /an assumption, not what the code states/);
    assert.ok(advice.recommendation, 'still recommended by the task');
    // Today's option says the model is assumed, not "what the code does today" alone.
    const today = advice.options.find((option) => option.current)!;
    assert.equal(today.label, `Stay on ${row.models[0]} (assumed)`);
    assert.match(today.why, new RegExp(`^what the code does today if it runs ${row.models[0]}, a model assumed because the deployment sets it \\(COHERE_MODEL_PREF\\)`), today.why);
    if (advice.recommendation?.action === 'keep') assert.equal(advice.recommendation.label, today.label, 'a kept option keeps its label');
    // The assumed model's vendor is not where the call goes: its other models are not a one-line change for a Cohere client.
    const siblings = advice.options.filter((option) => option.tier === 'closed-api' && !option.current && option.provider === today.provider && option.viable);
    assert.ok(siblings.length > 0, `a sibling of ${today.model} is offered: ${advice.options.map((o) => o.label).join('; ')}`);
    for (const option of siblings) {
      assert.match(option.why, /^same vendor as the assumed model \(\w+; this call goes to cohere, which may not serve /, option.why);
      assert.doesNotMatch(option.why, /one-line model change/, option.why);
    }
  });

  it('a commented-out example of the env variable is weighed first, then the assumed set; one the catalog lacks is skipped', () => {
    const withExample: ModelRef = { id: null, raw: 'this.model', source: 'deployment-choice', env: 'OLLAMA_MODEL_PREF', candidates: [{ id: 'gpt-4o', source: 'env-example', where: '.env.example:4' }] };
    const advice = adviseSite(input(withExample), catalog);
    const row = catalog.assumedModels!.find((r) => r.provider === 'openai')!;
    assert.deepEqual(advice.modelPricing?.models.map((m) => m.id), ['gpt-4o', ...row.models.filter((id) => id !== 'gpt-4o')]);
    assert.equal(advice.modelPricing?.model, 'gpt-4o');
    assert.match(advice.modelPricing!.basis, /commented-out example/);
    const unknownExample: ModelRef = { ...withExample, candidates: [{ id: 'luna-ai-llama2', source: 'env-example', where: '.env.example:4' }] };
    const skipped = adviseSite(input(unknownExample), catalog);
    assert.equal(skipped.modelPricing?.model, row.models[0]);
    assert.match(skipped.modelPricing!.basis, /luna-ai-llama2, is not in the catalog/);
  });

  it('an embedding call the deployment picks the model of is priced against the embedding reference set, not chat models', () => {
    const advice = adviseSite(input({ id: null, raw: 'this.model', source: 'deployment-choice', env: 'EMBEDDING_MODEL_PREF' }, { provider: 'ollama', endpoint: 'embedding' }), catalog);
    const row = catalog.assumedModels!.find((r) => r.endpoint === 'embedding')!;
    assert.deepEqual(advice.modelPricing?.models.map((m) => m.id), row.models);
    assert.ok(advice.monthlyUsdCurrent! > 0);
    assert.match(advice.modelPricing!.basis, /\(embedding\)/);
  });

    it('a deployment choice with no reference set stays unpriced and names the env variable', () => {
    const noRows = { ...catalog, assumedModels: [] };
    const advice = adviseSite(input({ id: null, raw: 'this.model', source: 'deployment-choice', env: 'LLM_MODEL' }), noRows);
    assert.equal(advice.monthlyUsdCurrent, null);
    assert.equal(advice.unpriced?.kind, 'model-unknown');
    assert.match(advice.unpriced!.reason, /env variable LLM_MODEL/);
  });

  it('a model the scan cannot trace is priced against the provider\'s assumed set, labeled a guess, and still recommended', () => {
    const advice = adviseSite(input({ id: null, raw: 'opts.model', source: 'dynamic' }), catalog);
    const row = catalog.assumedModels!.find((r) => r.provider === 'openai')!;
    assert.equal(advice.modelPricing?.assumed, true);
    assert.deepEqual(advice.modelPricing?.models.map((m) => m.id), row.models);
    assert.equal(advice.monthlyUsdCurrent, adviseCall(input({ id: row.models[0], raw: '', source: 'literal' }), catalog).monthlyUsdCurrent);
    assert.ok(advice.monthlyUsdCurrent! > 0, 'never $0');
    assert.match(advice.modelPricing!.basis, /the code passes `opts\.model` that the scan could not trace to a model id/);
    assert.match(advice.modelPricing!.basis, /data\/catalog\/assumed-models\.json, openai/);
    assert.match(advice.modelPricing!.basis, /a guess, not what the code states/);
    assert.ok(advice.recommendation, 'still recommended by the task');
    // A provider without a row of its own takes the `*` row; the setting replaces both.
    const other = adviseSite(input({ id: null, raw: '', source: 'dynamic' }, { provider: 'cohere' }), catalog);
    assert.deepEqual(other.modelPricing?.models.map((m) => m.id), catalog.assumedModels!.find((r) => r.provider === '*' && !r.endpoint)!.models);
    assert.match(other.modelPricing!.basis, /the code passes a model that the scan could not trace/);
    assert.deepEqual(adviseSite(input({ id: null, raw: 'm', source: 'dynamic' }), catalog, { assumedModels: ['claude-haiku-4-5'] }).modelPricing?.models.map((m) => m.id), ['claude-haiku-4-5']);
  });

  it('a model nobody states on a provider or endpoint with no reference set stays unpriced (null), with the kind and reason', () => {
    const advice = adviseSite(input({ id: null, raw: 'opts.model', source: 'dynamic' }), noSets);
    assert.equal(advice.monthlyUsdCurrent, null);
    assert.equal(advice.unpriced?.kind, 'model-unknown');
    assert.match(advice.unpriced!.reason, /model unknown: the code passes `opts\.model` \(not resolved statically, and no reference set for provider openai to price it against\)/);
    // A transcription is priced per audio minute: no chat model stands in for it.
    const transcription = adviseSite(input({ id: null, raw: 'm', source: 'dynamic' }, { provider: 'deepgram', endpoint: 'audio-transcription' }), catalog);
    assert.equal(transcription.monthlyUsdCurrent, null);
    assert.match(transcription.unpriced!.reason, /no reference set for provider deepgram \(audio-transcription\)/);
    assert.equal(adviseSite(input({ id: 'gpt-4o-minii', raw: 'x', source: 'literal' }), catalog).unpriced?.kind, 'model-not-in-catalog');
  });

  it('--assumed-models parses a list and rejects junk', () => {
    assert.deepEqual(parseArguments(['scan', '.', '--assumed-models', 'gpt-4.1-mini, claude-haiku-4-5']).assumedModels, ['gpt-4.1-mini', 'claude-haiku-4-5']);
    assert.throws(() => parseArguments(['scan', '.', '--assumed-models', 'a b;c']), /--assumed-models takes model ids/);
  });
});

describe('never a silent $0, and the hint works', function () {
  this.timeout(120_000);
  let root: string;
  let result: ScanResult;
  let unknown: CallSite;
  before(async () => {
    root = project({ 'src/a.ts': APP });
    result = await scanWorkspace(root, { catalog: noCatchAllSets });
    unknown = result.callSites.find((site) => site.enclosingFunction === 'dyn')!;
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('the unknown call is null with a reason naming the exact comment and usage-file entry; the summary counts it', () => {
    assert.equal(unknown.monthlyUsdCurrent, null);
    assert.equal(unknown.unpricedKind, 'model-unknown');
    assert.ok(unknown.unpricedReason!.includes(`directly above line ${unknown.line} of src/a.ts`), unknown.unpricedReason);
    assert.ok(unknown.unpricedReason!.includes('`// llm-advisor: model=gpt-4.1-mini`'));
    assert.ok(unknown.unpricedReason!.includes(`"${unknown.id}": {model: "gpt-4.1-mini"}`));
    assert.equal(result.summary.unpricedCallSites, 1);
    assert.deepEqual(result.summary.unpricedByKind, { 'model-unknown': 1 });
    // The diagnostic at the call is the same instruction (no key that does not exist).
    assert.ok(result.diagnostics.some((d) => d.file === 'src/a.ts' && d.line === unknown.line && d.message === unknown.unpricedReason));
    assert.ok(!result.diagnostics.some((d) => /set it in an llm-advisor comment or llm-usage\.yml/.test(d.message)));
    const assumed = result.callSites.find((site) => site.enclosingFunction === 'answer')!;
    assert.equal(assumed.modelPricing?.assumed, true);
    assert.ok(assumed.monthlyUsdCurrent! > 0 && assumed.monthlyUsdCurrentRange);
    const ternary = result.callSites.find((site) => site.enclosingFunction === 'pick')!;
    assert.deepEqual(ternary.modelPricing?.models.map((m) => m.id), ['gpt-4o-mini', 'gpt-4o']);
    assert.ok(result.summary.monthlyUsdCurrentRange!.high > result.summary.monthlyUsdCurrentRange!.low);
    assert.equal(result.summary.assumedModelCallSites, 1);
  });

  it('the CLI table: the row says "model unknown", not $0 or "keep as is"; the totals name the unpriced call', () => {
    const table = renderTable(result);
    const row = table.split('\n').find((line) => line.startsWith(`src/a.ts:${unknown.line} `))!;
    assert.match(row, /model unknown/);
    assert.ok(!/\$0(\.00)?\b/.test(row) && !row.includes('keep as is'), row);
    assert.match(table, /\+ 1 call not priced \(model unknown: 1\)/);
    assert.ok(table.includes(unknown.unpricedReason!));
  });

  it('the migration plan: a "Not priced" table with the instruction; the call is not under "Keep as is"', () => {
    const plan = renderMarkdownPlan(result);
    assert.match(plan, /### Not priced: set the model first \(1\)/);
    assert.match(plan, /1 call not priced \(model unknown: 1\)/);
    const keep = plan.slice(plan.indexOf('## Calls left on closed APIs'));
    assert.ok(!keep.includes(`a.ts:${unknown.line}`), 'not listed as kept');
    assert.ok(plan.includes(`directly above line ${unknown.line} of src/a.ts`));
  });

  it('the cost diff: an added unpriced call shows an unknown delta and the instruction, not +$0', () => {
    const before: ScanResult = { ...result, callSites: result.callSites.filter((site) => site.id !== unknown.id), summary: { ...result.summary, unpricedCallSites: 0, unpricedByKind: undefined } };
    const diff = compareScans(before, result, 'HEAD');
    const added = diff.changes.find((change) => change.id === unknown.id)!;
    assert.equal(added.after?.monthlyUsd, null);
    assert.equal(added.unpriced, 'model unknown after');
    assert.equal(diff.unpricedAfter, 1);
    const markdown = renderCostDiffMarkdown(diff);
    const row = markdown.split('\n').find((line) => line.includes(`a.ts:${unknown.line}`) && line.startsWith('| added'))!;
    assert.match(row, /unknown \(model unknown after\)/);
    assert.ok(!row.includes('+$0'), row);
    assert.match(markdown, /1 changed call site is not priced: its cost is unknown, not \$0\./);
    assert.match(markdown, /\+ 1 call not priced \(model unknown: 1\)/);
  });

  it('CodeLens, tooltip, hover and status bar say "model unknown" and how to set it', () => {
    assert.match(codeLensTitle(unknown), /^model unknown: set the model/);
    assert.ok(codeLensTooltip(unknown).includes('llm-advisor: model=gpt-4.1-mini'));
    const hover = hoverMarkdown(unknown);
    assert.match(hover, /\*\*Cost today:\*\* model unknown/);
    assert.match(hover, /Set Model for Call/);
    assert.equal(statusBarText(result.summary).includes('+ 1 not priced'), true);
    assert.equal(statusBarText({ ...result.summary, callSites: 1, unpricedCallSites: 1, monthlyUsdCurrent: 0 }), '$(warning) LLM: 1 call not priced (model unknown)');
  });

  it('the panel: summary, row and detail say "model unknown"; the detail carries the instruction', () => {
    const summary = renderSummary(result, false);
    assert.match(summary, /1 call not priced \(model unknown: 1\)/);
    assert.match(renderRow(unknown, false), />model unknown</);
    const detail = renderDetail(unknown);
    assert.match(detail, /<strong class="unpriced">model unknown<\/strong>/);
    assert.ok(detail.includes('directly above line'));
    const allUnknown: ScanResult = { ...result, callSites: [unknown], summary: { ...result.summary, callSites: 1, monthlyUsdCurrent: 0, unpricedCallSites: 1, unpricedByKind: { 'model-unknown': 1 }, monthlyUsdCurrentRange: undefined } };
    const none = renderSummary(allUnknown, false);
    assert.ok(!/id="summary-(current|recommended|savings)">\$0/.test(none), none);
    assert.match(none, /id="summary-current">1 call not priced \(model unknown: 1\)</);
    assert.match(none, /id="summary-recommended">model unknown</);
  });

  it('a model what-if prices the unknown call (not saved); without it the reason is back', () => {
    const priced = applyWhatIf(result, { model: { [unknown.id]: 'gpt-4.1-mini' } }, noCatchAllSets);
    const site = priced.callSites.find((c) => c.id === unknown.id)!;
    assert.ok(site.monthlyUsdCurrent! > 0);
    assert.equal(site.model.source, 'what-if');
    assert.equal(site.unpricedReason, undefined);
    assert.equal(priced.summary.unpricedCallSites, 0);
    assert.equal(priced.summary.unpricedByKind, undefined);
    // The panel always re-prices the scanned result: without the what-if the reason is back.
    const back = applyWhatIf(result, {}, noCatchAllSets).callSites.find((c) => c.id === unknown.id)!;
    assert.equal(back.monthlyUsdCurrent, null);
    assert.equal(back.unpricedReason, unknown.unpricedReason);
    const html = renderWhatIf(unknown, {}, { gpus: [], precisions: [], models: [{ id: 'gpt-4.1-mini', description: 'openai' }] });
    assert.match(html, /<select id="whatif-model"/);
    assert.match(html, /as scanned: model unknown/);
  });

  it('the protocol carries a model what-if only with its call and a valid id', () => {
    assert.deepEqual(parseFromWebview({ type: 'whatIf', callSiteId: 'a', model: 'gpt-4o' }), { type: 'whatIf', callSiteId: 'a', model: 'gpt-4o' });
    assert.deepEqual(parseFromWebview({ type: 'whatIf', callSiteId: 'a', model: null }), { type: 'whatIf', callSiteId: 'a', model: null });
    assert.equal(parseFromWebview({ type: 'whatIf', model: 'gpt-4o' }), undefined);
    assert.equal(parseFromWebview({ type: 'whatIf', callSiteId: 'a', model: '<script>' }), undefined);
    assert.deepEqual(parseWhatIfState({ model: { a: 'gpt-4o', b: 'x y', c: 3 } }), { model: { a: 'gpt-4o' } });
  });

  it('following the printed comment instruction literally gives a priced call', async () => {
    const reason = unknown.unpricedReason!;
    const comment = /add the line `([^`]+)`/.exec(reason)![1];
    const line = Number(/directly above line (\d+) of/.exec(reason)![1]);
    const file = path.join(root, /of (\S+), or in/.exec(reason)![1]);
    const original = readFileSync(file, 'utf8');
    const lines = original.split('\n');
    lines.splice(line - 1, 0, comment);
    writeFileSync(file, lines.join('\n'));
    try {
      const rescanned = await scanWorkspace(root, { catalog: noCatchAllSets });
      const site = rescanned.callSites.find((c) => c.enclosingFunction === 'dyn')!;
      assert.ok(site.monthlyUsdCurrent! > 0, JSON.stringify(site.unpricedReason));
      assert.equal(site.model.id, 'gpt-4.1-mini');
      assert.equal(site.model.source, 'annotation');
      assert.ok(site.recommendation);
      assert.equal(rescanned.summary.unpricedCallSites, 0);
      assert.ok(site.evidence.some((e) => /set by the llm-advisor comment on line/.test(e)));
    } finally {
      writeFileSync(file, original);
    }
  });

  it('following the printed usage-file instruction literally gives a priced call', async () => {
    const reason = unknown.unpricedReason!;
    const entry = /add under `callSites:` the entry `([^`]+)`/.exec(reason)![1];
    const usageFile = path.join(root, 'llm-usage.yml');
    writeFileSync(usageFile, `version: 1\ncallSites:\n  ${entry}\n`);
    try {
      const rescanned = await scanWorkspace(root, { catalog: noCatchAllSets });
      const site = rescanned.callSites.find((c) => c.enclosingFunction === 'dyn')!;
      assert.ok(site.monthlyUsdCurrent! > 0);
      assert.equal(site.model.source, 'usage-file');
      assert.ok(!rescanned.diagnostics.some((d) => d.file.endsWith('llm-usage.yml')), JSON.stringify(rescanned.diagnostics));
    } finally {
      rmSync(usageFile);
    }
  });

  it('a priced call at exactly $0 says why (no text sent), in the JSON and wherever the cost is shown', async () => {
    const empty = project({
      'src/e.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function embedNothing() {
  return openai.embeddings.create({ model: 'text-embedding-3-small', input: '' });
}
`,
    });
    try {
      const site = (await scanWorkspace(empty)).callSites[0];
      assert.equal(site.monthlyUsdCurrent, 0);
      assert.match(site.costNote ?? '', /sends no text: 0 tokens per call/);
      assert.match(renderRow(site, false), /no text/);
      assert.match(codeLensTitle(site), /no text/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('an embedding call\'s instruction names an embedding model, and following it prices the call', async () => {
    const embed = project({
      'src/e.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function embed(m: string, text: string) {
  return openai.embeddings.create({ model: m, input: text });
}
`,
    });
    try {
      const site = (await scanWorkspace(embed, { catalog: noSets })).callSites[0];
      assert.equal(site.monthlyUsdCurrent, null);
      const comment = /add the line `([^`]+)`/.exec(site.unpricedReason!)![1];
      assert.match(comment, /model=text-embedding/);
      const file = path.join(embed, 'src/e.ts');
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.splice(site.line - 1, 0, comment);
      writeFileSync(file, lines.join('\n'));
      const again = (await scanWorkspace(embed, { catalog: noSets })).callSites[0];
      assert.ok(again.monthlyUsdCurrent! > 0, again.unpricedReason);
    } finally {
      rmSync(embed, { recursive: true, force: true });
    }
  });

  it('a comment directly above a call nested in a longer statement is read (the line the hint names)', async () => {
    const nested = project({
      'src/n.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function nested(m: string) {
  return JSON.stringify(
    await openai.chat.completions.create({ model: m, messages: [{ role: 'user', content: 'hi' }] }),
  );
}
`,
    });
    try {
      const first = (await scanWorkspace(nested, { catalog: noSets })).callSites[0];
      assert.equal(first.monthlyUsdCurrent, null);
      assert.equal(first.line, 5);
      const file = path.join(nested, 'src/n.ts');
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.splice(first.line - 1, 0, '    // llm-advisor: model=gpt-4.1-mini');
      writeFileSync(file, lines.join('\n'));
      const again = (await scanWorkspace(nested, { catalog: noSets })).callSites[0];
      assert.equal(again.model.id, 'gpt-4.1-mini');
      assert.ok(again.monthlyUsdCurrent! > 0);
    } finally {
      rmSync(nested, { recursive: true, force: true });
    }
  });
});

describe('unpriced calls left out of the totals are counted apart from those the total misses', function () {
  this.timeout(120_000);
  // One unpriced call in the app (the total misses it) and one in a script (left out of the totals anyway).
  // Both on Groq, which the suite's catalog gives no reference set, so neither is priced over assumed models.
  const SCRIPT = `import Groq from 'groq-sdk';\nconst groq = new Groq();\nexport async function seed(m: string) {\n  return groq.chat.completions.create({ model: m, messages: [{ role: 'user', content: 'x' }] });\n}\n`;
  let root: string;
  let result: ScanResult;
  before(async () => {
    root = project({ 'src/a.ts': APP, 'scripts/seed.ts': SCRIPT });
    result = await scanWorkspace(root, { catalog: noCatchAllSets });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('the summary: 1 unpriced in the totals, 1 left out; the kinds describe the one in the totals', () => {
    const script = result.callSites.find((site) => site.file === 'scripts/seed.ts')!;
    assert.equal(script.monthlyUsdCurrent, null);
    assert.equal(script.inTotals, false);
    assert.equal(result.summary.unpricedCallSites, 1);
    assert.equal(result.summary.unpricedLeftOutCallSites, 1);
    assert.deepEqual(result.summary.unpricedByKind, { 'model-unknown': 1 });
  });

  it('every entry point shows the same split: CLI table, status bar, panel, plan, cost diff', () => {
    const note = '1 call not priced (model unknown: 1), 1 more left out of the totals';
    assert.ok(renderTable(result).includes(`+ ${note}`), renderTable(result));
    assert.match(statusBarText(result.summary), /\+ 1 not priced$/);
    assert.ok(renderSummary(result, false).includes(note));
    assert.ok(renderMarkdownPlan(result).includes(note));
    const empty: ScanResult = { ...result, callSites: [], summary: { ...result.summary, callSites: 0, unpricedCallSites: 0, unpricedLeftOutCallSites: undefined, unpricedByKind: undefined } };
    const diff = compareScans(empty, result, 'HEAD');
    assert.equal(diff.unpricedAfter, 1);
    assert.equal(diff.unpricedLeftOutAfter, 1);
    assert.ok(renderCostDiffMarkdown(diff).includes(note), renderCostDiffMarkdown(diff));
  });

  it('with only the left-out call unpriced, the total is complete and says so without a "+"', () => {
    const priced = applyWhatIf(result, { model: { [result.callSites.find((site) => site.file === 'src/a.ts' && site.monthlyUsdCurrent === null)!.id]: 'gpt-4.1-mini' } }, noCatchAllSets);
    assert.equal(priced.summary.unpricedCallSites, 0);
    assert.equal(priced.summary.unpricedLeftOutCallSites, 1);
    assert.match(renderTable(priced), /Monthly now \$[^(]+\([^)]+\) \((1 call at assumed models; )?1 unpriced call left out of the totals\), after/);
    assert.ok(!/\+ 1 not priced/.test(statusBarText(priced.summary)), statusBarText(priced.summary));
  });
});

describe('reference sets per provider and endpoint (issue 13 §3)', () => {
  it('a model the catalog lacks on the team\'s own hardware says so, and "nearest" only offers models sold for that kind of call', () => {
    const embedding = adviseSite(input({ id: 'Xenova/multilingual-e5-small', raw: 'Xenova/multilingual-e5-small', source: 'literal' }, { provider: 'local', endpoint: 'embedding', task: { type: 'embedding', confidence: 1, reasons: [] } }), catalog);
    assert.equal(embedding.monthlyUsdCurrent, null);
    assert.match(embedding.unpriced!.reason, /runs on the team's own hardware \(local\), so there is no per-token bill/);
    const near = /nearest: (.*)$/.exec(embedding.unpriced!.reason)![1].split(', ');
    assert.ok(near.length > 0);
    for (const id of near) assert.ok(servesEndpoint(catalog, id, 'embedding'), `${id} is an embedding model`);
    const chat = adviseSite(input({ id: 'made-up-chat-model-9000', raw: 'x', source: 'literal' }), catalog);
    assert.ok(!/team's own hardware/.test(chat.unpriced!.reason), 'an API model is not said to run on own hardware');
    for (const id of /nearest: (.*)$/.exec(chat.unpriced!.reason)![1].split(', ')) assert.ok(servesEndpoint(catalog, id, 'chat'), id);
  });

  const dynamic: ModelRef = { id: null, raw: 'this.config.model', source: 'dynamic' };

  it('a local server (Ollama, LM Studio, vLLM, self-hosted) takes the local-server row of open models; other endpoints take only their own row', () => {
    const local = catalog.assumedModels!.find((r) => r.provider === 'local-server' && !r.endpoint)!;
    assert.ok(local.source && local.asOf && local.derivation, 'sourced and dated');
    for (const provider of ['ollama', 'lmstudio', 'vllm', 'llama.cpp', 'self-hosted', 'local']) assert.equal(assumedModelsFor(catalog, provider, 'chat'), local, provider);
    assert.equal(assumedModelsFor(catalog, 'ollama', 'embedding')?.provider, 'local-server');
    assert.equal(assumedModelsFor(catalog, 'ollama', 'embedding')?.endpoint, 'embedding');
    assert.equal(assumedModelsFor(catalog, 'openai', 'completion')?.provider, 'openai', 'completion calls take the chat rows');
    assert.equal(assumedModelsFor(catalog, 'openai', 'image-generation')?.models[0], 'dall-e-3');
    assert.equal(assumedModelsFor(catalog, 'deepgram', 'audio-transcription'), undefined, 'no chat model stands in for a transcription');
    // Jina's classifier endpoint takes only its own row (the embedding model a classifier runs on), never a chat set.
    assert.deepEqual(assumedModelsFor(catalog, 'jina', 'other')?.models, ['jina-embeddings-v3']);
    assert.equal(assumedModelsFor(catalog, 'huggingface', 'other'), undefined);
    // Every local-server model has an architecture, so the server can be sized.
    for (const id of local.models) assert.ok(findArchitecture(catalog, id), id);
  });

  it('a model the scan cannot trace on a local server is priced as self-hosting over the local set: the server\'s GPUs, with the APIs as alternatives', () => {
    const advice = adviseSite(input(dynamic, { provider: 'ollama' }), catalog);
    const local = catalog.assumedModels!.find((r) => r.provider === 'local-server' && !r.endpoint)!;
    assert.deepEqual(advice.modelPricing?.models.map((m) => m.id), local.models);
    assert.equal(advice.modelPricing?.model, local.models[0]);
    assert.equal(advice.modelPricing?.assumed, true);
    assert.ok(advice.monthlyUsdCurrent! > 0);
    const current = advice.options.find((o) => o.current)!;
    assert.equal(current.tier, 'self-hosted');
    assert.match(current.why, /priced as rented GPUs/);
    assert.ok(advice.options.some((o) => o.tier === 'open-api'), 'compared with the APIs');
    assert.match(advice.modelPricing!.basis, /assumed-models\.json, local-server/);
    assert.match(advice.modelPricing!.basis, /a guess, not what the code states/);
    const embedding = adviseSite(input(dynamic, { provider: 'ollama', endpoint: 'embedding', task: { type: 'embedding', confidence: 1, reasons: [] } }), catalog);
    assert.equal(embedding.options.find((o) => o.current)?.tier, 'self-hosted');
    assert.ok(embedding.monthlyUsdCurrent! > 0);
  });

  it('an open-model host (Together, Groq, Fireworks) is priced over open models it serves, never a closed model it does not', () => {
    for (const provider of ['together', 'groq', 'fireworks']) {
      const advice = adviseSite(input(dynamic, { provider }), catalog);
      assert.equal(advice.modelPricing?.assumed, true, provider);
      for (const model of advice.modelPricing!.models) {
        assert.ok(!findModel(catalog, model.id)?.closed, `${provider}: ${model.id} is an open model`);
        assert.ok(model.monthlyUsd! > 0, `${provider} prices ${model.id}`);
      }
      assert.equal(advice.options.find((o) => o.current)?.provider, provider, 'priced at the host itself');
    }
  });

  it('a deployment\'s model on a local server is priced over the local set, not as a closed API', () => {
    const advice = adviseSite(input({ id: null, raw: 'this.model', source: 'deployment-choice', env: 'OLLAMA_MODEL_PREF', candidates: [{ id: 'llama2', source: 'env-example', where: '.env.example:46' }] }, { provider: 'ollama' }), catalog);
    assert.equal(advice.modelPricing?.model, 'llama-3.1-8b');
    assert.equal(advice.options.find((o) => o.current)?.tier, 'self-hosted');
  });
});

describe('an assumed figure says so wherever it is shown', function () {
  this.timeout(120_000);
  let root: string;
  let result: ScanResult;
  let guessed: CallSite;
  before(async () => {
    root = project({ 'src/a.ts': APP });
    result = await scanWorkspace(root);
    guessed = result.callSites.find((site) => site.enclosingFunction === 'dyn')!;
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('the scan prices the untraced call over its provider\'s set (Groq\'s open models), and its basis says how to set the real model at its place', () => {
    assert.equal(guessed.model.source, 'dynamic');
    assert.ok(guessed.monthlyUsdCurrent! > 0);
    assert.deepEqual(guessed.modelPricing?.models.map((m) => m.id), catalog.assumedModels!.find((r) => r.provider === 'groq')!.models);
    assert.equal(guessed.modelPricing?.assumed, true);
    assert.match(guessed.modelPricing!.basis, /a guess, not what the code states/);
    assert.ok(guessed.modelPricing!.basis.includes(`directly above line ${guessed.line} of src/a.ts`), guessed.modelPricing!.basis);
    assert.ok(guessed.modelPricing!.basis.includes(`"${guessed.id}": {model: "${guessed.modelPricing!.model}"}`));
    const userChoice = result.callSites.find((site) => site.enclosingFunction === 'answer')!;
    assert.ok(userChoice.modelPricing!.basis.includes(`directly above line ${userChoice.line} of src/a.ts`), 'the end user\'s pick too');
    assert.equal(result.summary.unpricedCallSites, 0);
    assert.equal(result.summary.assumedModelCallSites, 2);
  });

  it('status bar, totals, table, plan, panel, CodeLens and hover say the figure is an assumption', () => {
    assert.match(statusBarText(result.summary), /^\$\(graph\) LLM ≈ \$[\d,.]+\/mo \(2 assumed\)$/);
    assert.match(formatTotalCost(result.summary), /\(2 calls at assumed models\)/);
    const table = renderTable(result);
    const row = table.split('\n').find((line) => line.startsWith(`src/a.ts:${guessed.line} `))!;
    assert.match(row, new RegExp(`assumed ${guessed.modelPricing!.model}`));
    assert.match(row, /\$[\d,.]+ \(.*\) assumed|\$[\d,.]+ assumed/);
    assert.match(table, /Monthly now \$[\d,.]+ \(.*\)?\s?\(2 calls at assumed models\)/);
    const plan = renderMarkdownPlan(result);
    assert.match(plan, /\*\*Assumed models:\*\* 2 call sites whose model the code does not state/);
    const keep = plan.slice(plan.indexOf('## Calls left on closed APIs'));
    assert.ok(!keep.includes(`a.ts:${guessed.line}`), 'never "keep as is" for an assumed model');
    if (guessed.recommendation?.action === 'keep') assert.match(plan, /### Priced at an assumed model: set the real model to confirm/);
    assert.match(plan, new RegExp(`\\(assumed: ${guessed.modelPricing!.model}\\)`));
    assert.match(renderSummary(result, false), /2 calls at assumed models/);
    assert.match(renderRow(guessed, false), new RegExp(`\\(assumed: ${guessed.modelPricing!.model}\\)`));
    assert.match(codeLensTitle(guessed), / assumed\/mo · .*\(assumed: /);
    assert.match(hoverMarkdown(guessed), /assumed/);
  });
});
