import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeploymentValuesFile, isEnvExampleFile, looksLikeModelId, looksLikeProviderUrl, parseConfigFile, parseConfigModule, parseEnvironmentSettings } from '../../../src/analyzers/shared/settings';
import { scanWorkspace } from '../../../src/scan/scan';
import { runCli } from '../cli/run';

/**
 * Settings files hold secrets next to model names. Every credential-shaped value below sits in a file
 * the scan reads (or must refuse to read) and must appear nowhere in the result, evidence, diagnostics
 * or CLI output, while the model ids next to them are found.
 */
const SECRETS = [
  'sk-proj-Q1w2E3r4T5y6U7i8O9p0AaSsDdFfGgHhJjKkLlZzXxCcVvBbNnMm',
  'sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa-AbCdEf',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'AKIAIOSFODNN7EXAMPLE',
  'postgres://appuser:s3cr3tPassw0rd@db.internal:5432/app',
  'https://user:hunter2@proxy.example.com/v1',
  'gsk_4f8e2b9c1d7a6e5f3b2c1d0e9f8a7b6c',
  'hunter2-real-env-only',
];

const CODE = `import OpenAI from 'openai';
import settings from './settings.json';
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
const appConfig = YAML.parse(readFileSync('app.config.yaml', 'utf8'));
const client = new OpenAI({ baseURL: process.env.OPENAI_BASE_URL });
export async function run() {
  await client.chat.completions.create({ model: process.env.CHAT_MODEL ?? 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
  await client.chat.completions.create({ model: settings.summaryModel, messages: [{ role: 'user', content: 'sum' }] });
  await client.chat.completions.create({ model: process.env.OPENAI_API_KEY as string, messages: [] });
  await client.chat.completions.create({ model: process.env.DATABASE_URL as string, messages: [] });
  await client.chat.completions.create({ model: appConfig.llm.apiKey, messages: [] });
  await client.chat.completions.create({ model: appConfig.llm.model, messages: [] });
}
`;

const MODELS_CODE = `import OpenAI from 'openai';
const models: Array<{ id: string }> = JSON.parse(process.env.MODELS ?? '[]');
const client = new OpenAI();
export async function chat(model: { id: string }) {
  return client.chat.completions.create({ model: model.id, messages: [{ role: 'user', content: 'hi' }] });
}
export const first = models[0];
`;

describe('settings files: no secret reaches any output', () => {
  let root: string;
  let outside: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'settings-secrets-'));
    outside = mkdtempSync(path.join(os.tmpdir(), 'settings-outside-'));
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'src', 'app.ts'), CODE);
    writeFileSync(
      path.join(root, '.env.example'),
      [`OPENAI_API_KEY=${SECRETS[0]}`, `ANTHROPIC_API_KEY="${SECRETS[1]}"`, `AWS_SECRET_ACCESS_KEY=${SECRETS[2]}`, `AWS_ACCESS_KEY_ID=${SECRETS[3]}`, `DATABASE_URL=${SECRETS[4]}`, `LLM_PROXY_URL=${SECRETS[5]}`, `GROQ_MODEL_KEY=${SECRETS[6]}`, 'CHAT_MODEL=gpt-4.1', 'OPENAI_BASE_URL=https://api.groq.com/openai/v1',
        // Commented-out example lines are read for model ids too (issue 13): the credentials among them never are.
        `# OPENAI_API_KEY=${SECRETS[0]}`, `# GROQ_MODEL_KEY='${SECRETS[6]}'`, `# LLM_PROXY_URL=${SECRETS[5]}`, `# DATABASE_URL=${SECRETS[4]}`, `#AWS_SECRET_ACCESS_KEY=${SECRETS[2]}`, ''].join('\n'),
    );
    // A real env file: never read, whatever it holds.
    writeFileSync(path.join(root, '.env'), `CHAT_MODEL=${SECRETS[7]}\nOPENAI_API_KEY=${SECRETS[0]}\n`);
    writeFileSync(path.join(root, 'src', 'settings.json'), JSON.stringify({ apiKey: SECRETS[1], db: SECRETS[4], summaryModel: 'claude-3-5-haiku-latest' }, null, 2));
    writeFileSync(path.join(root, 'app.config.yaml'), `llm:\n  apiKey: ${SECRETS[0]}\n  model: gpt-4.1\n  database: ${SECRETS[4]}\n`);
    writeFileSync(path.join(root, 'docker-compose.yml'), `services:\n  api:\n    environment:\n      OPENAI_API_KEY: ${SECRETS[0]}\n      DATABASE_URL: ${SECRETS[4]}\n      CHAT_MODEL: gpt-4.1-mini\n`);
    // A Helm chart's values: its envVars are read like docker-compose's environment, its secrets never.
    mkdirSync(path.join(root, 'chart', 'env'), { recursive: true });
    // Its MODELS list (JSON in one variable) and the routes file it points a router alias at: model ids kept, the keys beside them never.
    const modelsList = JSON.stringify([{ id: 'auto' }, { id: 'gpt-4.1', endpoints: [{ apiKey: SECRETS[0], baseURL: SECRETS[5] }] }, { id: SECRETS[6] }, { name: SECRETS[3] }]);
    writeFileSync(path.join(root, 'chart', 'env', 'prod.yaml'), `envVars:\n  OPENAI_API_KEY: "${SECRETS[0]}"\n  DATABASE_URL: "${SECRETS[4]}"\n  LLM_PROXY_URL: "${SECRETS[5]}"\n  TASK_MODEL: "gpt-4.1-nano"\n  LLM_ROUTER_ROUTES_PATH: "build/routes.json"\n  MODELS: '${modelsList}'\n`);
    mkdirSync(path.join(root, 'static'));
    writeFileSync(path.join(root, 'static', 'routes.json'), JSON.stringify([{ name: 'default', primary_model: 'gpt-4.1-mini', apiKey: SECRETS[1], fallback_models: [SECRETS[2], 'gpt-4o'] }], null, 2));
    writeFileSync(path.join(root, 'src', 'models.ts'), MODELS_CODE);
    // Bad settings files: a diagnostic each, never a crash, never their content.
    writeFileSync(path.join(root, 'config.json'), `{ "model": "gpt-4o", "apiKey": "${SECRETS[0]}", }`);
    writeFileSync(path.join(root, 'llm.yaml'), `model: gpt-4o\n  apiKey: ${SECRETS[1]}\n bad: [\n`);
    writeFileSync(path.join(root, 'models.toml'), Buffer.from([0x6d, 0x6f, 0x00, 0x01, 0x02]));
    writeFileSync(path.join(root, 'settings.yaml'), `model: gpt-4o\n${'# padding line to pass the size cap\n'.repeat(40_000)}`);
    writeFileSync(path.join(outside, 'providers.json'), JSON.stringify({ model: 'gpt-4o', key: SECRETS[0] }));
    symlinkSync(path.join(outside, 'providers.json'), path.join(root, 'providers.json'));
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('finds the models next to the secrets, and no secret appears in the JSON result', async function () {
    this.timeout(60_000);
    const result = await scanWorkspace(root);
    const text = JSON.stringify(result);
    for (const secret of SECRETS) assert.ok(!text.includes(secret), `secret leaked: ${secret.slice(0, 8)}…`);
    const [chat, summary, key, database, configKey, configModel] = result.callSites;
    assert.equal(chat.model.id, 'gpt-4o-mini');
    assert.deepEqual(chat.model.candidates?.map((candidate) => candidate.id), ['gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini']);
    assert.equal(chat.provider, 'groq', 'baseURL read from .env.example');
    assert.equal(summary.model.id, 'claude-3-5-haiku-latest');
    assert.equal(key.model.id, null);
    assert.equal(database.model.id, null);
    assert.equal(configKey.model.id, null);
    assert.equal(configModel.model.id, 'gpt-4.1');
    // The model-list request: the alias's routes first, then the list's models; no credential among them.
    const listed = result.callSites.find((site) => site.file === 'src/models.ts');
    assert.deepEqual(listed?.model.candidates?.map((candidate) => candidate.id), ['gpt-4.1-mini', 'gpt-4o', 'gpt-4.1']);
  });

  it('gives one diagnostic per bad settings file, naming the problem and never a value', async function () {
    this.timeout(60_000);
    const result = await scanWorkspace(root);
    const about = (file: string) => result.diagnostics.filter((diagnostic) => diagnostic.file === file).map((diagnostic) => diagnostic.message);
    assert.match(about('config.json').join(), /invalid JSON/);
    assert.match(about('llm.yaml').join(), /invalid YAML/);
    assert.match(about('models.toml').join(), /binary/);
    assert.match(about('settings.yaml').join(), /larger than/);
    assert.match(about('providers.json').join(), /outside the workspace/);
    assert.deepEqual(about('.env'), [], 'a real .env file is not even looked at');
  });

  it('no secret in the CLI table, JSON or Markdown output either', async function () {
    this.timeout(60_000);
    for (const format of ['table', 'json', 'markdown']) {
      const { code, stdout, stderr } = await runCli(['scan', root, '--format', format]);
      assert.equal(code, 0, stderr);
      assert.ok(stdout.includes('gpt-4o-mini'), `the ${format} output shows the scan`);
      for (const secret of SECRETS) assert.ok(!`${stdout}${stderr}`.includes(secret), `secret leaked in CLI ${format} output: ${secret.slice(0, 8)}…`);
    }
  });
});

describe('settings values: what is kept', () => {
  it('keeps model ids and provider URLs, drops credentials', () => {
    for (const id of ['gpt-4o-mini', 'claude-3-5-sonnet-20241022', 'anthropic/claude-sonnet-4', 'openai:gpt-4o', 'llama3.1:8b', 'us.anthropic.claude-3-haiku-20240307-v1:0', 'meta-llama/Llama-3.3-70B-Instruct-Turbo', 'o3-mini', 'text-embedding-3-small', 'deepseek-chat', 'sonar-pro']) assert.ok(looksLikeModelId(id), id);
    for (const value of [...SECRETS, 'production', 'true', '8080', 'my-app', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW']) assert.ok(!looksLikeModelId(value), value);
    for (const url of ['https://api.groq.com/openai/v1', 'http://localhost:11434', 'http://10.0.0.5:8000/v1']) assert.ok(looksLikeProviderUrl(url), url);
    for (const value of [SECRETS[4], SECRETS[5], 'https://api.example.com/v1?key=abc', 'https://hooks.example.com/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX9']) assert.ok(!looksLikeProviderUrl(value), value);
  });

  it('records which variables an example file sets by name only: a set key is known set, its value is kept nowhere', () => {
    const parsed = parseEnvironmentSettings(`OPENAI_API_KEY=${SECRETS[0]}\nEMPTY_KEY=\nQUOTED_EMPTY=""\n# FIREWORKS_KEY=fw_commented\nCHAT_MODEL=gpt-4.1\n`, '.env.example', 'env');
    assert.deepEqual(parsed.setNames, ['OPENAI_API_KEY', 'CHAT_MODEL'], 'names set to something, not empty or commented-out ones');
    assert.ok(!JSON.stringify(parsed).includes(SECRETS[0]), 'the key itself is not in what the parse keeps');
  });

  it('reads example env files only', () => {
    for (const name of ['.env.example', '.env.sample', '.env.template', '.env.local.example', '.env.development.sample', 'example.env', '.env.dist']) assert.ok(isEnvExampleFile(name), name);
    for (const name of ['.env', '.env.local', '.env.production', '.env.development.local', 'env.ts']) assert.ok(!isEnvExampleFile(name), name);
  });

  it('lists the plain-named map entries beside kept ones, never a credential-shaped key or any content', () => {
    const text = JSON.stringify({ tools: { coder: { temperature: 0.7, apiKey: SECRETS[0] }, finalizer: { model: 'gemini-2.5-flash-lite' }, [SECRETS[6]]: { region: 'x' }, note: 'plain text' }, env: { OPENAI_API_KEY: SECRETS[0] } }, null, 2);
    const kept = parseConfigFile(text, 'config.json');
    assert.deepEqual([...kept.keys()], ['tools.finalizer.model']);
    // `env` sits beside `tools` at the top: an entry too, though nothing in it is kept.
    assert.deepEqual(parseConfigModule(text, 'config.json').mapEntries, ['env', 'tools.coder']);
  });

  it('reads the env maps of deployment values files (Helm envVars, a service env list), model settings only', () => {
    for (const file of ['chart/env/prod.yaml', 'helm/values.yaml', 'values.production.yaml', 'deploy/k8s/api.yml']) assert.ok(isDeploymentValuesFile(file), file);
    for (const file of ['src/config.yaml', 'docker-compose.yml', 'chart/env/prod.json', '.github/workflows/ci.yml']) assert.ok(!isDeploymentValuesFile(file), file);
    const kept = parseEnvironmentSettings(`envVars:\n  OPENAI_API_KEY: "${SECRETS[0]}"\n  DATABASE_URL: "${SECRETS[4]}"\n  TASK_MODEL: "meta-llama/Llama-3.1-8B-Instruct"\nworker:\n  env:\n    - name: LLM_PROXY_URL\n      value: ${SECRETS[5]}\n    - name: OPENAI_BASE_URL\n      value: https://router.huggingface.co/v1\n`, 'chart/env/prod.yaml', 'deploy').values;
    assert.deepEqual(kept, [['TASK_MODEL', { value: 'meta-llama/Llama-3.1-8B-Instruct', file: 'chart/env/prod.yaml', line: 4 }], ['OPENAI_BASE_URL', { value: 'https://router.huggingface.co/v1', file: 'chart/env/prod.yaml', line: 9 }]]);
    for (const secret of SECRETS) assert.ok(!JSON.stringify(kept).includes(secret));
  });

  it("keeps an Ollama server's OLLAMA_NUM_PARALLEL as a small whole number only, and prices the team's Ollama calls with it", async () => {
    const compose = parseEnvironmentSettings('services:\n  ollama:\n    image: ollama/ollama\n    environment:\n      - OLLAMA_NUM_PARALLEL=4\n      - OLLAMA_KEEP_ALIVE=24h\n', 'docker-compose.yml', 'compose').values;
    assert.deepEqual(compose, [['OLLAMA_NUM_PARALLEL', { value: '4', file: 'docker-compose.yml', line: 5 }]]);
    assert.deepEqual(parseEnvironmentSettings(`OLLAMA_NUM_PARALLEL=auto\nOLLAMA_NUM_PARALLEL=${SECRETS[0]}\nOLLAMA_NUM_PARALLEL=99999\n`, '.env.example', 'env').values, []);
    const root = mkdtempSync(path.join(os.tmpdir(), 'ollama-parallel-'));
    try {
      writeFileSync(path.join(root, 'chat.ts'), "import ollama from 'ollama';\nexport const ask = (q: string) => ollama.chat({ model: 'llama3.1', messages: [{ role: 'user', content: q }] });\n");
      const costOnServer = async () => (await scanWorkspace(root)).callSites[0].options.find((o) => o.current)!;
      const serial = await costOnServer();
      assert.match(serial.derivation ?? '', /batch 1\)/);
      writeFileSync(path.join(root, 'docker-compose.yml'), 'services:\n  ollama:\n    image: ollama/ollama\n    environment:\n      OLLAMA_NUM_PARALLEL: 4\n');
      const parallel = await costOnServer();
      assert.match(parallel.derivation ?? '', /batch 4\)/);
      assert.match(parallel.why, /4 requests at a time: the workspace sets OLLAMA_NUM_PARALLEL \(docker-compose\.yml:5\)/);
      assert.ok(parallel.monthlyUsd < serial.monthlyUsd, 'four requests at a time share the replica more widely');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('parses TOML and YAML config keys by dotted path', () => {
    const toml = parseConfigFile('# app\n[llm]\nmodel = "gpt-4o"\napi_key = "sk-proj-0123456789abcdefghijABCDEFGHIJ"\n[llm.fast]\nmodel = \'gpt-4o-mini\'\n', 'config.toml');
    assert.deepEqual([...toml.entries()], [['llm.model', { value: 'gpt-4o', file: 'config.toml', line: 3 }], ['llm.fast.model', { value: 'gpt-4o-mini', file: 'config.toml', line: 6 }]]);
    const yaml = parseConfigFile('models:\n  fast: gpt-4o-mini\n  smart: claude-sonnet-4-5\ntoken: sk-ant-api03-abcdefghijklmnop0123456789\n', 'config.yaml');
    assert.deepEqual([...yaml.keys()], ['models.fast', 'models.smart']);
  });
});
