/**
 * Calls the end user pays for, on their own device (WebLLM in the browser, Chrome's built-in AI) or under their own
 * subscription (Copilot's models through VS Code's Language Model API), have no price for the team and need none: every
 * view says so, and none tells the user to set a model that would not price them. Measured on the real scans of the
 * WebLLM and vscode-lm fixture projects, and with a priced call beside such calls.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { scanWorkspace } from '../../../../src/scan/scan';
import { renderTable } from '../../../../src/cli/table';
import { renderMarkdownPlan } from '../../../../src/core/report/plan';
import { codeLensTitle, codeLensTooltip, hoverMarkdown, statusBarText } from '../../../../src/extension/text';
import { renderRow, renderSummary } from '../../../../src/webview/render';
import type { ScanResult } from '../../../../src/model/types';
import { formatTotalCost } from '../../../../src/model/display';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'fixtures');
const FIXTURE = path.join(FIXTURES, 'web-llm');

describe("calls run on the end user's device, in every view", () => {
  let result: ScanResult;
  before(async () => {
    result = await scanWorkspace(FIXTURE, { now: () => new Date('2026-01-01T00:00:00Z') });
  });

  it('each is unpriced as on the end user device, its reason sourced, with no instruction to set a model', () => {
    assert.equal(result.callSites.length, 2);
    for (const site of result.callSites) {
      assert.equal(site.monthlyUsdCurrent, null);
      assert.equal(site.unpricedKind, 'end-user-device');
      assert.match(site.unpricedReason ?? '', /end user's device through WebLLM .*github\.com\/mlc-ai\/web-llm/);
      assert.doesNotMatch(site.unpricedReason ?? '', /llm-advisor: model=|team's own hardware/);
    }
    // Nothing to warn about: no diagnostic repeats the reasons, and none says a model is unknown.
    assert.deepEqual(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning'), [], JSON.stringify(result.diagnostics));
  });

  it('the CLI table: no "until their models are set", no "how to set the model"', () => {
    const table = renderTable(result);
    assert.match(table, /Monthly now: 2 calls on the end users' own devices, with no price to the team\./);
    assert.match(table, /^Why not priced \(2 calls on the end users' own devices/m);
    assert.doesNotMatch(table, /set the model|models are set/);
  });

  it('the migration plan lists them in their own section, not under "set the model first"', () => {
    const plan = renderMarkdownPlan(result);
    assert.match(plan, /No call site costs the team a price: the end users pay for all 2, on their own device or subscription/);
    assert.match(plan, /### Paid for by the end users \(their device or subscription\): no price to the team \(2\)/);
    assert.doesNotMatch(plan, /Not priced: set the model first|need a model before/);
  });

  it('the CodeLens, its tooltip, the hover, the status bar and the cost panel say there is no price to the team', () => {
    for (const site of result.callSites) {
      assert.match(codeLensTitle(site), /^on the user's device: no price to the team · /);
      assert.match(renderRow(site, false), /none: no price to the team/);
      assert.match(hoverMarkdown(site), /\*\*Why:\*\* not priced\\: .*end user's device/);
      assert.doesNotMatch(codeLensTitle(site) + codeLensTooltip(site) + hoverMarkdown(site) + renderRow(site, false), /set the model|Set Model for Call/i);
    }
    assert.match(statusBarText(result.summary), /2 calls paid for by users \(no price to the team\)/);
    const summary = renderSummary(result, false);
    assert.match(summary, /id="summary-recommended">no price to the team</);
    assert.match(summary, /2 calls on the end users&#39; own devices, with no price to the team: none counts as \$0, and there is no model to set\./);
    assert.doesNotMatch(summary, /model unknown|Set Model for Call/);
  });

  it('beside a priced call, the total is complete: the on-device calls are an aside, not a "+" of missing cost', () => {
    const priced = { ...result.callSites[0], id: 'priced', file: 'src/priced.ts', sdk: 'openai', provider: 'openai', monthlyUsdCurrent: 540, unpricedKind: undefined, unpricedReason: undefined };
    const mixed = { ...result, callSites: [...result.callSites, priced], summary: { ...result.summary, callSites: 3, monthlyUsdCurrent: 540, monthlyUsdRecommended: 540, unpricedCallSites: 2, unpricedByKind: { 'end-user-device': 2 } } };
    const table = renderTable(mixed);
    assert.match(table, /Monthly now \$540 \(2 calls on the end users' own devices, with no price to the team\), after recommendations/);
    assert.doesNotMatch(table, /\+ 2 calls|leave the unpriced calls out/);
    assert.equal(statusBarText(mixed.summary), '$(graph) LLM ≈ $540/mo');
    assert.match(renderMarkdownPlan(mixed), /\*\*\$540 \(2 calls on the end users' own devices, with no price to the team\)\/month today →/);
  });

  it('beside priced calls and calls of unknown models, only the unknown ones are a "+" of what the total misses', () => {
    const summary = { callSites: 63, monthlyUsdCurrent: 253, unpricedCallSites: 8, unpricedLeftOutCallSites: 4, unpricedByKind: { 'end-user-subscription': 1, 'model-unknown': 7 } };
    assert.equal(formatTotalCost(summary), "$253 (1 call under the end users' own subscriptions, with no price to the team) + 7 calls not priced (model unknown: 7), 4 more left out of the totals");
    assert.equal(statusBarText({ ...result.summary, ...summary }), '$(graph) LLM ≈ $253/mo + 7 not priced');
  });

  it('beside a call whose model is unknown, that call still says how to set its model', () => {
    const unknown = { ...result.callSites[0], id: 'other', file: 'src/other.ts', sdk: 'openai', provider: 'openai', unpricedKind: 'model-unknown' as const, unpricedReason: 'model unknown: add the line `// llm-advisor: model=gpt-4.1-mini`' };
    const mixed = { ...result, callSites: [...result.callSites, unknown], summary: { ...result.summary, callSites: 3, unpricedCallSites: 3, unpricedByKind: { 'end-user-device': 2, 'model-unknown': 1 } } };
    const table = renderTable(mixed);
    assert.match(table, /no total until their models are set/);
    assert.match(table, /^Why not priced, and how to set the model/m);
    assert.match(codeLensTitle(unknown), /set the model/);
    const plan = renderMarkdownPlan(mixed);
    assert.match(plan, /Not priced:\*\* 1 call site whose model is unknown/);
    assert.match(plan, /Paid for by the end users:\*\* 2 call sites/);
  });
});

describe("calls under the end user's own subscription (Copilot through VS Code)", () => {
  let result: ScanResult;
  before(async () => {
    result = await scanWorkspace(path.join(FIXTURES, 'vscode-lm'), { now: () => new Date('2026-01-01T00:00:00Z') });
  });

  it('are unpriced as on the user subscription, and no view asks for a model or warns of an unknown one', () => {
    const copilot = result.callSites.filter((site) => site.monthlyUsdCurrent === null);
    assert.ok(copilot.length > 0, 'the fixture has a Copilot call');
    for (const site of copilot) {
      assert.equal(site.unpricedKind, 'end-user-subscription');
      assert.match(site.unpricedReason ?? '', /under the end user's own subscription/);
      assert.match(codeLensTitle(site), /^on the user's subscription: no price to the team · /);
    }
    const table = renderTable(result);
    assert.doesNotMatch(table, /unknown model or dynamic id|how to set the model|models are set/);
    assert.match(table, /calls? under the end users' own subscriptions, with no price to the team/);
    assert.doesNotMatch(renderMarkdownPlan(result), /Not priced: set the model first/);
  });
});

describe("transformers.js in the end user's browser (the local fixture's web worker)", () => {
  let result: ScanResult;
  before(async () => {
    result = await scanWorkspace(path.join(FIXTURES, 'local'), { now: () => new Date('2026-01-01T00:00:00Z') });
  });

  it("the worker's run is unpriced as on the end user's device; the same library in a Node server stays in the app's own process", () => {
    const worker = result.callSites.find((site) => site.file === 'src/workers/embedder.worker.ts');
    assert.ok(worker, 'the fixture has the web worker run');
    assert.equal(worker.runsOn, 'end-user-device');
    assert.equal(worker.unpricedKind, 'end-user-device');
    assert.match(worker.unpricedReason ?? '', /Xenova\/bge-small-en-v1\.5 runs on the end user's device through Transformers\.js .*github\.com\/huggingface\/transformers\.js/);
    assert.match(codeLensTitle(worker), /^on the user's device: no price to the team · /);
    const server = result.callSites.find((site) => site.file === 'src/server/cachedEmbedder.js');
    assert.ok(server, 'the fixture has the server run');
    assert.equal(server.runsOn, undefined);
    assert.notEqual(server.unpricedKind, 'end-user-device');
    assert.match(renderTable(result), /1 call on the end users' own devices, with no price to the team/);
  });
});
