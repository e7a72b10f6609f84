import { httpAnalyzer } from '../../../src/analyzers/http';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('http analyzer', httpAnalyzer, {
  valid: [
    { name: 'a relative /api/chat is the app\'s own route, not Ollama', code: `export async function send(messages: unknown[]) {\n  const res = await fetch('/api/chat', { method: 'POST', body: JSON.stringify({ model: 'llama3', messages }) });\n  return res.json();\n}` },
    { name: 'a relative /api/chat/completions is the app\'s own proxy route', code: `await fetch('/api/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o', messages }) });` },
    { name: 'other endpoints of the same hosts send no prompt', code: `await fetch('https://api.openai.com/v1/models', { headers });\nawait fetch('https://api.anthropic.com/v1/messages/count_tokens', { method: 'POST', body: JSON.stringify({ model: 'claude-3-5-haiku-latest', messages: [] }) });` },
    { name: 'an app fetch helper shadowing fetch; an unrelated axios.post', code: `import axios from 'axios';\nfunction fetch(url: string, init?: unknown) { return [url, init]; }\nfetch('https://api.openai.com/v1/chat/completions', { body: '{}' });\naxios.post('https://api.stripe.com/v1/charges', { amount: 100 });` },
    { name: 'a URL in a string or comment only', code: `// POST https://api.openai.com/v1/chat/completions\nexport const docs = 'curl https://api.anthropic.com/v1/messages';` },
    { name: 'a generic /v1/embeddings of an unknown host without a model', code: `await fetch(\`\${SEARCH_URL}/v1/embeddings\`, { method: 'POST', body: JSON.stringify({ text }) });` },
    { name: 'new URL against the page\'s own origin is the app\'s route', code: `await fetch(new URL('/api/chat/completions', window.location.origin), { method: 'POST', body: JSON.stringify({ model: 'gpt-4o', messages }) });\nawait fetch(new URL('/api/chat', location.href).toString(), { method: 'POST', body: JSON.stringify({ model: 'llama3', messages }) });` },
    { name: 'new URL of a non-LLM endpoint on an LLM host', code: `const base = 'https://api.openai.com/v1/';\nconst url = new URL('models', base);\nawait fetch(url, { headers });` },
  ],
  invalid: [
    {
      name: 'fetch to OpenAI chat completions with a JSON body',
      code: `const OPENAI_URL = 'https://api.openai.com/v1/chat/completions';
export async function classify(review: string) {
  const response = await fetch(OPENAI_URL, {
    method: 'POST',
    headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o-mini', max_tokens: 5, messages: [{ role: 'system', content: 'Reply positive or negative.' }, { role: 'user', content: review }] }),
  });
  return response.json();
}`,
      calls: [{ line: 3, column: 26, method: 'fetch /v1/chat/completions', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini', maxOutputTokens: 5, promptIncludes: ['Reply positive or negative.', '{{review}}'] }],
    },
    {
      name: 'Anthropic messages through axios, body in a constant',
      code: `import axios from 'axios';
export async function draft(topic: string) {
  const payload = { model: 'claude-3-5-sonnet-latest', max_tokens: 1024, system: 'You write release notes.', messages: [{ role: 'user', content: \`Notes for \${topic}\` }] };
  return axios.post('https://api.anthropic.com/v1/messages', payload, { headers: { 'x-api-key': key, 'anthropic-version': '2023-06-01' } });
}`,
      calls: [{ line: 4, method: 'axios.post /v1/messages', provider: 'anthropic', model: 'claude-3-5-sonnet-latest', maxOutputTokens: 1024, promptIncludes: ['You write release notes.', 'Notes for {{topic}}'] }],
    },
    {
      name: 'Gemini REST with the model in the URL; Ollama /api/generate on its port',
      code: `const key = process.env.GEMINI_API_KEY;
await fetch(\`https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent?key=\${key}\`, { method: 'POST', body: JSON.stringify({ contents: [{ parts: [{ text: 'Explain how AI works' }] }], generationConfig: { maxOutputTokens: 800 } }) });
await fetch('http://localhost:11434/api/generate', { method: 'POST', body: JSON.stringify({ model: 'llama3.2', prompt: 'Why is the sky blue?', stream: false }) });`,
      calls: [
        { line: 2, provider: 'google', model: 'gemini-1.5-flash', maxOutputTokens: 800, promptIncludes: ['Explain how AI works'] },
        { line: 3, method: 'fetch /api/generate', provider: 'ollama', endpoint: 'completion', model: 'llama3.2', promptIncludes: ['Why is the sky blue?'] },
      ],
    },
    {
      name: 'an OpenAI-compatible server: base URL from env, Groq host, axios instance',
      code: `import axios from 'axios';
const VLLM_URL = process.env.VLLM_URL ?? 'http://localhost:8000';
await fetch(\`\${VLLM_URL}/v1/chat/completions\`, { method: 'POST', body: JSON.stringify({ model: 'Qwen/Qwen2.5-7B-Instruct', stream: true, messages }) });
const groq = axios.create({ baseURL: 'https://api.groq.com/openai/v1' });
await groq.post('/chat/completions', { model: 'llama-3.1-8b-instant', messages: [{ role: 'user', content: 'hi' }] });
await fetch(\`\${process.env.LLM_BASE_URL}/v1/chat/completions\`, { method: 'POST', body: JSON.stringify(request) });`,
      calls: [
        { line: 3, provider: 'self-hosted', model: 'Qwen/Qwen2.5-7B-Instruct', features: { streaming: true }, holeKinds: ['history'] },
        { line: 5, method: 'axios.post /openai/v1/chat/completions', provider: 'groq', model: 'llama-3.1-8b-instant' },
        { line: 6, provider: 'openai-compatible', model: null, modelSource: 'dynamic' },
      ],
    },
    {
      name: 'OpenAI embeddings and an Ollama host named in a constant',
      code: `const OLLAMA_HOST = process.env.OLLAMA_HOST ?? 'http://ollama:11434';
await fetch('https://api.openai.com/v1/embeddings', { method: 'POST', body: JSON.stringify({ model: 'text-embedding-3-small', input: chunk }) });
await fetch(OLLAMA_HOST + '/api/chat', { method: 'POST', body: JSON.stringify({ model: 'mistral', messages: [{ role: 'user', content: 'hello' }] }) });`,
      calls: [
        { line: 2, endpoint: 'embedding', provider: 'openai', model: 'text-embedding-3-small' },
        { line: 3, endpoint: 'chat', provider: 'ollama', model: 'mistral', promptIncludes: ['hello'] },
      ],
    },
    {
      name: 'new URL(path, base): a constant base, an env base with a default, URL resolution rules',
      code: `const BASE = 'https://api.openai.com';
await fetch(new URL('/v1/chat/completions', BASE), { method: 'POST', body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }) });
await fetch(new URL('chat/completions', process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1/'), { method: 'POST', body: JSON.stringify({ model: 'gpt-4.1', messages }) });
await fetch(new URL('v1/messages', 'https://api.anthropic.com'), { method: 'POST', body: JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 100, messages }) });
await fetch(new URL('/chat/completions', 'https://api.groq.com/openai/v1'), { method: 'POST', body: JSON.stringify({ model: 'llama-3.1-8b-instant', messages }) });`,
      calls: [
        { line: 2, method: 'fetch /v1/chat/completions', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini', promptIncludes: ['hi'] },
        { line: 3, method: 'fetch /v1/chat/completions', provider: 'openai', model: 'gpt-4.1' },
        { line: 4, method: 'fetch /v1/messages', provider: 'anthropic', model: 'claude-sonnet-4-5', maxOutputTokens: 100 },
        { line: 5, method: 'fetch /chat/completions', provider: 'groq', model: 'llama-3.1-8b-instant' },
      ],
    },
    {
      name: 'a URL object held in a constant, passed as is, as .href or .toString(), and to axios',
      code: `import axios from 'axios';
const OLLAMA = process.env.OLLAMA_HOST ?? 'http://localhost:11434';
const chatUrl = new URL('/api/chat', OLLAMA);
const embedUrl = new URL('/v1/embeddings', 'https://api.openai.com');
export const chat = (content: string) => fetch(chatUrl, { method: 'POST', body: JSON.stringify({ model: 'llama3.2', messages: [{ role: 'user', content }] }) });
export const embed = (input: string) => fetch(embedUrl.href, { method: 'POST', body: JSON.stringify({ model: 'text-embedding-3-small', input }) });
export const generate = (prompt: string) => axios.post(new URL('/api/generate', OLLAMA).toString(), { model: 'llama3.2', prompt });`,
      calls: [
        { line: 5, method: 'fetch /api/chat', provider: 'ollama', endpoint: 'chat', model: 'llama3.2' },
        { line: 6, method: 'fetch /v1/embeddings', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-small' },
        { line: 7, method: 'axios.post /api/generate', provider: 'ollama', endpoint: 'completion', model: 'llama3.2' },
      ],
    },
  ],
});
