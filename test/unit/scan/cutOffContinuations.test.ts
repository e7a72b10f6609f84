import * as assert from 'node:assert/strict';
import { scanProject } from '../fixtureProject';
import type { CallSite, ScanResult } from '../../../src/model/types';

/** The app's helper every chat turn goes through. */
const HELPER = `import OpenAI from 'openai';
const client = new OpenAI();
export async function complete(messages: OpenAI.ChatCompletionMessageParam[]) {
  return client.chat.completions.create({ model: 'gpt-4.1-mini', messages, max_tokens: 2048 });
}
`;

/** A route asking again when the answer stopped at the token limit: an early return guards the continuation. */
const ROUTE = `import { complete } from './llm';
export async function answer(question: string) {
  const messages = [{ role: 'user' as const, content: question }];
  const first = await complete(messages);
  const choice = first.choices[0];
  if (choice.finish_reason !== 'length') {
    return choice.message.content;
  }
  messages.push({ role: 'assistant' as any, content: choice.message.content ?? '' }, { role: 'user', content: 'Continue where you stopped.' });
  const rest = await complete(messages);
  return (choice.message.content ?? '') + rest.choices[0].message.content;
}
`;

/** Anthropic: the continuation inside the branch taken when the reply hit max_tokens. */
const ANTHROPIC = `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export async function draft(topic: string) {
  const reply = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 1024, messages: [{ role: 'user', content: 'Write about ' + topic }] });
  if (reply.stop_reason === 'max_tokens') {
    const more = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 1024, messages: [{ role: 'user', content: 'Write about ' + topic }, { role: 'assistant', content: reply.content }, { role: 'user', content: 'Go on.' }] });
    return [reply, more];
  }
  return [reply];
}
`;

const sitesIn = (result: ScanResult, file: string): CallSite[] => {
  const sites = result.callSites.filter((site) => site.file === file).sort((a, b) => a.line - b.line);
  assert.ok(sites.length > 0, `${file}: ${result.callSites.map((site) => `${site.file}:${site.line}`).join(', ')}`);
  return sites;
};

describe('requests continuing an answer cut off at the token limit', () => {
  it('are listed but not counted in the totals: they run only for the answers that hit the limit', async () => {
    const result = await scanProject({ 'src/llm.ts': HELPER, 'src/route.ts': ROUTE, 'src/draft.ts': ANTHROPIC }, 'cut-off-');
    // The first request hands the helper only the question: it relays to the helper's request, which is counted for it.
    const [again] = sitesIn(result, 'src/route.ts');
    const [first] = sitesIn(result, 'src/llm.ts');
    assert.deepEqual(first.relays, [{ file: 'src/route.ts', line: 4 }]);
    assert.equal(first.continuesCutOffAnswer, undefined, 'the first request is not a continuation');
    assert.notEqual(first.inTotals, false, first.totalsNote);
    assert.equal(again.continuesCutOffAnswer, "choice.finish_reason !== 'length' returns before it");
    assert.equal(again.inTotals, false);
    assert.match(again.totalsNote ?? '', /continues an answer the model cut off at its token limit .* set its volume/);
    const [reply, more] = sitesIn(result, 'src/draft.ts');
    assert.equal(reply.continuesCutOffAnswer, undefined);
    assert.equal(more.continuesCutOffAnswer, "reply.stop_reason === 'max_tokens'");
    assert.equal(more.inTotals, false);
    // The totals are the counted sites' sum: the continuations add nothing.
    const counted = result.callSites.filter((site) => site.inTotals !== false).reduce((sum, site) => sum + (site.monthlyUsdCurrent ?? 0), 0);
    assert.ok(Math.abs(result.summary.monthlyUsdCurrent - counted) < 0.01, `${result.summary.monthlyUsdCurrent} vs ${counted}`);
  });

  it('counts a continuation whose volume the user set', async () => {
    const annotated = ROUTE.replace('  const rest = await complete(messages);', '  // llm-advisor: calls=500/month\n  const rest = await complete(messages);');
    const result = await scanProject({ 'src/llm.ts': HELPER, 'src/route.ts': annotated }, 'cut-off-set-');
    const again = sitesIn(result, 'src/route.ts').find((site) => site.continuesCutOffAnswer);
    assert.ok(again, 'the continuation is found');
    assert.notEqual(again.inTotals, false, again.totalsNote);
    assert.equal(again.volume.callsPerMonth, 500);
  });
});
