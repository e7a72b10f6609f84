import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../../../src/scan/scan';

describe('overrides reach the result', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'overrides-'));
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'src', 'bot.ts'), `import OpenAI from 'openai';
const openai = new OpenAI();
export async function respond(context: string, question: string) {
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: 'You are helpful.' }, { role: 'user', content: \`\${context}\\n\${question}\` }] });
}
export async function tagged(text: string) {
  // llm-advisor: task=extraction calls=1000/day
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
}
`);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('applies usage-file task and hole sizes set per function, and the annotation wins over the file', async () => {
    writeFileSync(path.join(root, 'llm-usage.yml'), `version: 1\nfunctions:\n  respond:\n    task: rag-qa\n    callsPerMonth: 5000\n    holeTokens:\n      context: 4000\n  tagged:\n    task: summarization\n    callsPerMonth: 7\n`);
    const result = await scanWorkspace(root);
    const [respond, tagged] = result.callSites;
    assert.equal(respond.task.type, 'rag-qa');
    assert.equal(respond.task.source, 'usage-file');
    assert.equal(respond.volume.callsPerMonth, 5000);
    assert.equal(respond.volume.source, 'usage-file');
    assert.ok(respond.tokens.holes?.some((hole) => hole.expression === 'context' && hole.tokens === 4000 && hole.source !== 'default'), JSON.stringify(respond.tokens.holes));
    assert.equal(tagged.task.type, 'extraction');
    assert.equal(tagged.task.source, 'annotation');
    assert.equal(tagged.volume.source, 'annotation');
    assert.ok(Math.abs(tagged.volume.callsPerMonth - 1000 * 365 / 12) < 1);
  });
});
