import * as assert from 'node:assert/strict';
import { adviseCall } from '../../../../src/core/pricing/advisor';
import { loadCatalog } from '../../../../src/core/catalog/catalog';
import type { ModelRef } from '../../../../src/model/types';
import { adviceInput } from '../../fixtureProject';

const catalog = loadCatalog();
const literal = (id: string): ModelRef => ({ id, raw: `'${id}'`, source: 'literal' });
const agentStep = { streaming: true, tools: true, vision: false, structuredOutput: false, multiStep: true };

describe('pricing: calls an agent harness makes (Claude Code, Codex)', () => {
  it("offers only the harness's vendor's models: no open model, no self-hosting, and the diagnostic names the harness and its source", () => {
    const harness = catalog.agentHarnesses?.find((row) => row.sdks.includes('claude-agent-sdk'));
    assert.ok(harness?.source && harness.asOf, 'the harness row is sourced and dated');
    const advice = adviseCall(adviceInput(literal('claude-sonnet-4-5'), { provider: 'anthropic', sdk: 'claude-agent-sdk', features: agentStep, task: { type: 'tool-use', confidence: 0.9, reasons: [] } }), catalog);
    assert.ok(advice.options.length >= 1);
    assert.ok(advice.options.every((option) => option.tier === 'closed-api' && /claude/.test(option.label)), advice.options.map((option) => option.label).join(', '));
    assert.ok(advice.diagnostics.some((line) => /Claude Code runs Claude models only/.test(line) && line.includes(harness!.source)), advice.diagnostics.join('\n'));
  });

  it('the same request made with the Anthropic SDK itself keeps open-model and self-hosted alternatives', () => {
    const advice = adviseCall(adviceInput(literal('claude-sonnet-4-5'), { provider: 'anthropic', sdk: 'anthropic', features: agentStep, task: { type: 'tool-use', confidence: 0.9, reasons: [] } }), catalog);
    assert.ok(advice.options.some((option) => option.tier !== 'closed-api'), advice.options.map((option) => `${option.tier} ${option.label}`).join(', '));
  });
});
