import * as assert from 'node:assert/strict';
import { scanProject } from '../fixtureProject';

const HELPER = `import OpenAI from 'openai';
const openai = new OpenAI();
export async function basicCompletion(prompt: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });
  return r.choices[0].message.content;
}
export async function summarizeWith(prompt: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Summarize the text below in three bullet points.' }, { role: 'user', content: prompt }] });
  return r.choices[0].message.content;
}
`;

const CALLERS = `import { basicCompletion, summarizeWith } from './llm';
export const rephrase = (question: string) => basicCompletion('Rewrite this question as a concise web search query. Return only the search query: ' + question);
export const keywords = (topic: string) => basicCompletion('Generate a search query for a search engine about: ' + topic + '. Return only the query.');
export const queries = (request: string) => basicCompletion('Turn the user request into an effective search query for Google: ' + request);
export const translated = (text: string) => summarizeWith('Rewrite this question as a concise web search query: ' + text);
`;

describe("a helper whose prompt is all its callers'", () => {
  it('takes the task most of its callers are read as, and says so; a helper with a prompt of its own keeps its own reading', async () => {
    const result = await scanProject({ 'src/llm.ts': HELPER, 'src/search.ts': CALLERS }, 'callers-task-');
    const bare = result.callSites.find((site) => site.file === 'src/llm.ts' && site.line === 4);
    const own = result.callSites.find((site) => site.file === 'src/llm.ts' && site.line === 8);
    assert.ok(bare && own, JSON.stringify(result.callSites.map((site) => `${site.file}:${site.line}`)));
    assert.equal(bare.task.type, 'query-generation', bare.task.reasons.join('\n'));
    assert.ok(bare.task.reasons.some((reason) => reason.startsWith('3 of the 3 callers passing this helper its whole prompt are read as query-generation')), bare.task.reasons.join('\n'));
    assert.equal(own.task.type, 'summarization', own.task.reasons.join('\n'));
    assert.ok(!own.task.reasons.some((reason) => reason.includes('callers passing')));
  });
});
