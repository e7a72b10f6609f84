import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseUsageExport } from '../../../../src/core/usage/usageExport';
import { scanWorkspace } from '../../../../src/scan/scan';

const OPENAI_EXPORT = `start_time,end_time,project_id,num_model_requests,model,input_tokens,output_tokens,input_cached_tokens
1732665600,1732752000,proj_1,1000,gpt-4o-2024-08-06,500000,50000,100000
1732752000,1732838400,proj_1,3000,gpt-4o-2024-08-06,1500000,150000,0
1732665600,1732752000,proj_1,700,gpt-4o-mini,70000,7000,0
1732752000,1732838400,proj_1,oops,gpt-4o-mini,1,1,0
1732752000,1732838400,proj_1,5,text-embedding-3-large,900,0,0
`;

describe('provider usage export', () => {
  it('reads an OpenAI usage CSV into monthly requests and tokens per model', () => {
    const parsed = parseUsageExport(OPENAI_EXPORT);
    assert.equal(parsed.days, 2);
    const gpt4o = parsed.models.find((model) => model.model === 'gpt-4o-2024-08-06')!;
    const month = 365 / 12;
    assert.ok(Math.abs(gpt4o.requestsPerMonth! - (4000 / 2) * month) < 1e-6);
    assert.ok(Math.abs(gpt4o.inputTokensPerMonth - (2_100_000 / 2) * month) < 1e-6, 'cached input counts as input');
    assert.deepEqual(parsed.errors, [{ line: 5, message: 'a token or request count is not a non-negative number' }]);
  });

  it('reads Anthropic-style columns and reports a file without a model column', () => {
    const anthropic = parseUsageExport(`usage_date_utc,model_version,uncached_input_tokens,cache_read_input_tokens,output_tokens\n2026-11-01,claude-sonnet-4-5,1000,500,200\n2026-11-02,claude-sonnet-4-5,1000,0,200\n`);
    assert.equal(anthropic.models[0].model, 'claude-sonnet-4-5');
    assert.equal(anthropic.models[0].requestsPerMonth, null);
    assert.equal(parseUsageExport('a,b\n1,2\n').errors[0].message.startsWith('no model column'), true);
  });

  it('reads quoted cells (commas, quotes, line breaks) and reports an unreadable record by its line, keeping the rest', () => {
    const parsed = parseUsageExport('\uFEFFmodel,input_tokens,output_tokens,date\r\n\r\n"gpt-4o",10,5,2026-11-01\r\n"ft:gpt-4o:acme,""support""\nv2",1,1,2026-11-02\r\nclaude,oops,1,2026-11-02\r\nbad"quote,1,1,2026-11-02\r\ngpt-4o,10,5,2026-11-03\r\n');
    assert.deepEqual(parsed.models.map((model) => model.model), ['gpt-4o', 'ft:gpt-4o:acme,"support"\nv2']);
    assert.equal(parsed.days, 3);
    const month = 365 / 12;
    assert.ok(Math.abs(parsed.models[0].inputTokensPerMonth - (20 / 3) * month) < 1e-9, 'both gpt-4o rows count, the one after the bad record too');
    assert.deepEqual(parsed.errors.map((error) => error.line), [6, 7]);
    assert.match(parsed.errors[0].message, /not a non-negative number/);
    assert.match(parsed.errors[1].message, /^not readable as CSV: a quote is found/);
  });

  it('spreads real requests over the call sites using each model, leaving explicit volumes alone', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'usage-export-'));
    try {
      writeFileSync(path.join(root, 'app.ts'), `import OpenAI from 'openai';
const openai = new OpenAI();
export const a = (t: string) => openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: t }] });
export const b = (t: string) => openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: t }] });
// llm-advisor: calls=10/month
export const c = (t: string) => openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: t }] });
`);
      const csv = path.join(root, 'usage.csv');
      writeFileSync(csv, OPENAI_EXPORT);
      const result = await scanWorkspace(root, { usageExport: csv });
      const [a, b, c] = result.callSites;
      const expected = (4000 / 2) * (365 / 12) / 2;
      assert.equal(a.volume.source, 'usage-export');
      assert.ok(Math.abs(a.volume.callsPerMonth - expected) < 1e-6, `${a.volume.callsPerMonth} vs ${expected}`);
      assert.equal(b.volume.callsPerMonth, a.volume.callsPerMonth);
      assert.equal(c.volume.source, 'annotation');
      assert.ok(result.diagnostics.some((d) => /gpt-4o-mini/.test(d.message) && /matches no call site/.test(d.message)));
      assert.ok(a.monthlyUsdCurrent! > 0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
