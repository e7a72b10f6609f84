import * as assert from 'node:assert/strict';
import { mightContainLlmCall } from '../../../src/scan/prefilter';

describe('prefilter', () => {
  const kept: Array<[string, string]> = [
    ['an SDK import', `import Anthropic from '@anthropic-ai/sdk';`],
    ['ai/rsc', `import { streamUI } from 'ai/rsc';`],
    ['a Bedrock runtime require', `const { ConverseCommand } = require('@aws-sdk/client-bedrock-runtime');`],
    ['an imported client: messages.create', `import { claude } from './llm';\nclaude.messages.create({})`],
    ['an imported client: batches', `client.messages.batches.create({ requests })`],
    ['an imported LangChain embedder', `import { embedder } from './models';\nawait embedder.embedQuery(q);`],
    ['an imported Mistral client', `await mistral.chat.complete({ model })`],
    ['an OpenAI-compatible path built from a base URL', "fetch(`${base}/chat/completions`, init)"],
    ['Vertex REST', `const url = 'https://us-central1-aiplatform.googleapis.com/v1/projects/p';`],
    ['an Ollama port', `const host = 'http://localhost:11434';`],
    ['Ollama embeddings path', `fetch(OLLAMA + '/api/embed', init)`],
    ['a relative path resolved by new URL', `fetch(new URL('chat/completions', process.env.LLM_BASE_URL), init)`],
    ['a relative Ollama path resolved by new URL', `fetch(new URL("api/generate", process.env.OLLAMA_HOST), init)`],
  ];
  const dropped: Array<[string, string]> = [
    ['plain code', `export const add = (a: number, b: number) => a + b;`],
    ['a word containing ai', `import { maintain } from './ai-utils';\nconst said = 'ai';`],
    ['Electron IPC invoke', `ipcRenderer.invoke('open-file', path);`],
    ['chat/completions inside a word', `const label = 'groupchat/completions';\nconst page = "myapi/chat";`],
    ['a chat method of another library', `bot.chat({ text: 'hi' });\nslack.chat.postMessage({ channel });`],
  ];
  for (const [name, text] of kept) it(`keeps ${name}`, () => assert.equal(mightContainLlmCall(text), true));
  for (const [name, text] of dropped) it(`drops ${name}`, () => assert.equal(mightContainLlmCall(text), false));
});
