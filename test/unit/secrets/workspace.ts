/**
 * A workspace full of credential-shaped values, in every kind of file a project keeps them in, and
 * the check that a text carries none of them. Shared: a test of any output (CLI formats, diff, plan,
 * panel HTML, hover, logs) writes this workspace and runs `assertNoSecret` on what it produced. When
 * the product starts reading another kind of file, add it to FILES here and every such test covers it.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

// Built from parts so that this file itself does not look like a leaked key to secret scanners.
const join = (...parts: string[]) => parts.join('');
export const SECRETS = {
  openai: join('sk-', 'proj-', 'Zq3vTn8WkL2pR7xY4mB9cD1fG6hJ0sA5eU2iO8tK'),
  anthropic: join('sk-', 'ant-', 'api03-', 'Hq7Lm2Nx9Pv4Rt6Wy1Zb3Kc5Df8Gj0'),
  awsAccessKeyId: join('AKIA', 'IOSFODNN7QXR2T4M'),
  awsSecret: join('wJalrXUtnFEMI', '/K7MDENG/bPxRfiCY', 'QzT8vK3mEX'), // 40 characters, as AWS issues them
  dbPassword: join('Tr0ub4dor', '-and-', 'horse9'),
  gcpPrivateKeyBody: join('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 'BKcwggSjAgEAAoIBAQC7'),
  gcpPrivateKeyId: join('5f1c2d3e4b5a', '69788796a5b4c3d2e1f0a9b8'),
  google: join('AIza', 'SyD4kQ7vX2mN9pL3rT8wB1cF6hJ0sE5gU2i'), // 39 characters, as Google issues them
  gatewayPassword: join('gw', 'Pa55', '-v3ry-s3cret'), // in a provider base URL (https://user:password@gateway)
} as const;

const DB_URL = `postgres://app:${SECRETS.dbPassword}@db.internal:5432/prod`;
/** An OpenAI-compatible gateway whose URL carries its credentials: the product keeps provider URLs. */
const GATEWAY_URL = `https://svc-llm:${SECRETS.gatewayPassword}@llm-gateway.internal/v1`;
const GCP_JSON = JSON.stringify({
  type: 'service_account',
  project_id: 'acme-prod',
  private_key_id: SECRETS.gcpPrivateKeyId,
  private_key: `-----BEGIN PRIVATE KEY-----\n${SECRETS.gcpPrivateKeyBody}\n-----END PRIVATE KEY-----\n`,
  client_email: 'svc@acme-prod.iam.gserviceaccount.com',
}, null, 2);
const ENV = [
  `OPENAI_API_KEY=${SECRETS.openai}`,
  `ANTHROPIC_API_KEY="${SECRETS.anthropic}"`,
  `AWS_ACCESS_KEY_ID=${SECRETS.awsAccessKeyId}`,
  `AWS_SECRET_ACCESS_KEY=${SECRETS.awsSecret}`,
  `DATABASE_URL=${DB_URL}`,
  `GOOGLE_API_KEY=${SECRETS.google}`,
  `OPENAI_BASE_URL=${GATEWAY_URL}`,
  'CHAT_MODEL=gpt-4o',
].join('\n') + '\n';

/** Every file, by workspace-relative path. Source files hold keys in strings next to real LLM calls. */
export const FILES: Record<string, string> = {
  '.env': ENV,
  '.env.example': ENV,
  '.env.local': ENV,
  'config/app.json': JSON.stringify({ openai: { apiKey: SECRETS.openai, baseURL: GATEWAY_URL, model: 'gpt-4o-mini' }, google: { apiKey: SECRETS.google }, database: DB_URL, aws: { secretAccessKey: SECRETS.awsSecret } }, null, 2),
  'config/app.yaml': `openai:\n  apiKey: ${SECRETS.openai}\n  baseURL: ${GATEWAY_URL}\nanthropic:\n  apiKey: ${SECRETS.anthropic}\ngoogle:\n  apiKey: ${SECRETS.google}\ndatabase: ${DB_URL}\n`,
  // Invalid JSON: a diagnostic naming the file, never its content.
  'config/settings.broken.json': `{ "model": "gpt-4o", "apiKey": "${SECRETS.openai}", "baseURL": "${GATEWAY_URL}", }`,
  // Config files the settings reader opens (by name): models next to keys and a gateway URL.
  'config/settings.yaml': `llm:\n  model: gpt-4o-mini\n  apiKey: ${SECRETS.openai}\n  baseURL: ${GATEWAY_URL}\n  googleKey: ${SECRETS.google}\n  database: ${DB_URL}\n`,
  'llm.config.json': JSON.stringify({ model: 'gpt-4o', baseUrl: GATEWAY_URL, apiKey: SECRETS.openai }, null, 2),
  'docker-compose.yml': `services:\n  api:\n    environment:\n      OPENAI_API_KEY: ${SECRETS.openai}\n      OPENAI_BASE_URL: ${GATEWAY_URL}\n      GOOGLE_API_KEY: ${SECRETS.google}\n      DATABASE_URL: ${DB_URL}\n`,
  'config/service-account.json': GCP_JSON,
  'llm-usage.yml': `version: 1\n# OPENAI_API_KEY=${SECRETS.openai}\n# GOOGLE_API_KEY=${SECRETS.google}\ndefaults:\n  callsPerMonth: 20000\n`,
  'package.json': JSON.stringify({ name: 'secret-ws', dependencies: { openai: '^4.0.0', '@anthropic-ai/sdk': '^0.30.0', '@google/generative-ai': '^0.21.0' } }),
  'src/llm.ts': [
    "import OpenAI from 'openai';",
    "import Anthropic from '@anthropic-ai/sdk';",
    `const openai = new OpenAI({ apiKey: '${SECRETS.openai}' });`,
    `const anthropic = new Anthropic({ apiKey: "${SECRETS.anthropic}" });`,
    `const AWS_SECRET = '${SECRETS.awsSecret}';`,
    `const DB = '${DB_URL}';`,
    'export async function summarize(text: string) {',
    "  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Summarize the ticket.' }, { role: 'user', content: text }] });",
    '}',
    'export async function classify(text: string) {',
    // A key pasted into the advisor comment by mistake: the comment's error must not quote it.
    `  // llm-advisor: task=${SECRETS.anthropic} calls=${SECRETS.awsSecret}`,
    "  return anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 50, messages: [{ role: 'user', content: `Classify: ${text}` }] });",
    '}',
    'export const unused = [AWS_SECRET, DB];',
    '',
  ].join('\n'),
  // Credentials passed straight to the SDK constructors: an API key and a base URL with a password.
  'src/gateway.ts': [
    "import OpenAI from 'openai';",
    "import { GoogleGenerativeAI } from '@google/generative-ai';",
    `const gateway = new OpenAI({ baseURL: '${GATEWAY_URL}', apiKey: '${SECRETS.openai}' });`,
    `const genAI = new GoogleGenerativeAI('${SECRETS.google}');`,
    'export async function draft(text: string) {',
    "  return gateway.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Draft a reply: ${text}` }] });",
    '}',
    'export async function translate(text: string) {',
    "  const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash' });",
    '  return model.generateContent(`Translate to French: ${text}`);',
    '}',
    '',
  ].join('\n'),
  // Keys pasted into the prompt itself: the prompt preview must not carry them.
  'src/prompted.ts': [
    "import OpenAI from 'openai';",
    'const openai = new OpenAI();',
    'export async function report(question: string) {',
    `  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: 'Query ${DB_URL} with AWS key ${SECRETS.awsAccessKeyId} / ${SECRETS.awsSecret}, then call the API with ${SECRETS.openai} or ${SECRETS.anthropic}.' }, { role: 'user', content: question }] });`,
    '}',
    '',
  ].join('\n'),
};

/** The source files with LLM calls next to the keys: a test checks their calls were found before trusting a clean output. */
export const SECRET_FILES_WITH_CALLS = ['src/llm.ts', 'src/prompted.ts', 'src/gateway.ts'] as const;

export function writeSecretWorkspace(root: string): void {
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
}

/** Fails naming the secret and the place it showed up. */
export function assertNoSecret(text: string, where: string): void {
  for (const [kind, value] of Object.entries(SECRETS)) {
    const at = text.indexOf(value);
    assert.equal(at, -1, `${where} contains the ${kind} secret: …${text.slice(Math.max(0, at - 60), at + value.length + 20)}…`);
  }
  assert.ok(!text.includes(DB_URL), `${where} contains the database URL`);
  assert.ok(!text.includes(GATEWAY_URL), `${where} contains the gateway URL with its password`);
}
