import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { scanWorkspace } from '../../../src/scan/scan';
import { parseEnvironmentSettings } from '../../../src/analyzers/shared/settings';

/** What a case expects of one reported call site; only the fields given are compared. */
interface ExpectedSite {
  line: number;
  model: string | null;
  source?: string;
  /** `id @ where` of every candidate, in order; [] for none. */
  candidates?: string[];
}

interface ScanCase {
  name: string;
  /** The fixture project under test/fixtures/deployment-models, scanned in place. */
  fixture: string;
  file: string;
  sites: ExpectedSite[];
  /** Text that must appear nowhere in the scan result (credentials beside the model list). */
  absent?: string[];
}

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'deployment-models');

const CASES: ScanCase[] = [
  {
    name: "a chat app's MODELS list (Helm envVars, JSON the code parses) whose first entry is a router alias: the routes file's models first, then the list's",
    fixture: 'router-alias',
    file: 'src/server/endpoint.ts',
    sites: [
      {
        line: 9,
        model: 'deepseek-ai/DeepSeek-V3.1',
        source: 'config',
        candidates: ['deepseek-ai/DeepSeek-V3.1 @ static/chat/routes.chat.json:4', 'meta-llama/Llama-3.3-70B-Instruct @ static/chat/routes.chat.json:5', 'Qwen/Qwen2.5-Coder-32B-Instruct @ static/chat/routes.chat.json:9', 'Qwen/Qwen2.5-72B-Instruct @ chart/env/prod.yaml:10'],
      },
      // The embedding request is not one of the chat list's: its model stays unknown.
      { line: 14, model: null, source: 'dynamic', candidates: [] },
      // A model the code states keeps it.
      { line: 19, model: 'gpt-4o-mini', source: 'literal', candidates: [] },
    ],
    absent: ['sk-proj-Q1w2E3r4T5y6U7i8O9p0AaSsDdFfGgHhJjKkLlZzXxCcVvBbNnMm', 'sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa-AbCdEf', 'hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789', 'gsk_4f8e2b9c1d7a6e5f3b2c1d0e9f8a7b6c'],
  },
  {
    name: 'a one-line JSON MODELS list in .env.example, entries named by `name`: the first entry is the default',
    fixture: 'env-example-list',
    file: 'src/chat.ts',
    sites: [{ line: 11, model: 'mistralai/Mistral-Small-24B-Instruct-2501', source: 'config', candidates: ['mistralai/Mistral-Small-24B-Instruct-2501 @ .env.example:2', 'google/gemma-2-27b-it @ .env.example:2'] }],
  },
  {
    name: 'a MODELS list the code never reads: the model stays unknown',
    fixture: 'list-not-parsed',
    file: 'src/chat.ts',
    sites: [{ line: 7, model: null, source: 'dynamic', candidates: [] }],
  },
];

describe('scan: models from a deployment model list (JSON in one env variable)', () => {
  for (const testCase of CASES) {
    it(testCase.name, async function () {
      this.timeout(60_000);
      const result = await scanWorkspace(path.join(FIXTURES, testCase.fixture), { now: () => new Date(0) });
      const sites = result.callSites.filter((site) => site.file === testCase.file).sort((a, b) => a.line - b.line);
      const actual = sites.map((site, index): ExpectedSite => {
        const expected = testCase.sites[index] ?? { line: 0, model: null };
        const summary: ExpectedSite = { line: site.line, model: site.model.id };
        if (expected.source !== undefined) summary.source = site.model.source;
        if (expected.candidates !== undefined) summary.candidates = (site.model.candidates ?? []).map((candidate) => `${candidate.id} @ ${candidate.where}`);
        return summary;
      });
      assert.deepEqual(actual, testCase.sites);
      const text = JSON.stringify(result);
      for (const secret of testCase.absent ?? []) assert.ok(!text.includes(secret), `secret leaked: ${secret.slice(0, 8)}…`);
    });
  }
});

describe('settings: model lists and router routes paths', () => {
  it('keeps only the model ids of a JSON list, marks a first entry that is an alias, and reads a routes path', () => {
    const text = [
      'envVars:',
      '  LLM_ROUTER_ROUTES_PATH: "./config/routes.json"',
      '  ROUTER_CONFIG_PATH: "../outside/routes.json"',
      '  MODELS: >',
      '    [{ "id": "omni" }, { "id": "moonshotai/Kimi-K2-Instruct", "apiKey": "sk-proj-Q1w2E3r4T5y6U7i8O9p0AaSsDdFfGgHhJjKkLlZzXxCcVvBbNnMm" },',
      '     { "model": "gpt-4.1-mini" }, "claude-sonnet-4-5", { "id": "gsk_4f8e2b9c1d7a6e5f3b2c1d0e9f8a7b6c" }]',
      '  OTHER_MODELS: "[not json"',
      '',
    ].join('\n');
    const { lists, routers } = parseEnvironmentSettings(text, 'chart/env/prod.yaml', 'deploy').listed;
    assert.deepEqual(lists, [
      {
        name: 'MODELS',
        file: 'chart/env/prod.yaml',
        line: 4,
        aliasFirst: true,
        models: [
          { value: 'moonshotai/Kimi-K2-Instruct', file: 'chart/env/prod.yaml', line: 5 },
          { value: 'gpt-4.1-mini', file: 'chart/env/prod.yaml', line: 6 },
          { value: 'claude-sonnet-4-5', file: 'chart/env/prod.yaml', line: 6 },
        ],
      },
    ]);
    // A path out of the app (`..`) is never followed.
    assert.deepEqual(routers, [{ name: 'LLM_ROUTER_ROUTES_PATH', path: 'config/routes.json', file: 'chart/env/prod.yaml', line: 2 }]);
    assert.ok(!JSON.stringify({ lists, routers }).includes('sk-proj') && !JSON.stringify({ lists, routers }).includes('gsk_'));
  });

  it('reads a list whose first entry is a model as no alias, and nothing from a variable not named for models', () => {
    const { lists } = parseEnvironmentSettings('CHAT_MODELS=["gpt-4o", "gpt-4o-mini"]\nFEATURE_FLAGS=["gpt-4o"]\n', '.env.example', 'env').listed;
    assert.deepEqual(lists.map((list) => ({ name: list.name, aliasFirst: list.aliasFirst, models: list.models.map((model) => model.value) })), [{ name: 'CHAT_MODELS', aliasFirst: false, models: ['gpt-4o', 'gpt-4o-mini'] }]);
  });
});
