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
    ['an SDK deep import', `import { OpenAI } from "openai/index";`],
    ['an Anthropic deep import', `import Anthropic from '@anthropic-ai/sdk/index.mjs';`],
    ['a @google/genai deep import', `import { GoogleGenAI } from '@google/genai/node';`],
    ['openai resources types with a client passed in', `import type { ChatCompletion } from 'openai/resources/chat/completions';`],
    ['SageMaker runtime', `import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime';`],
    ['Bedrock Agent runtime', `const { InvokeAgentCommand } = require('@aws-sdk/client-bedrock-agent-runtime');`],
    ['transformers.js', `import { pipeline } from '@xenova/transformers';`],
    ['transformers.js v3', `const { pipeline } = await import('@huggingface/transformers');`],
    ['web-llm', `import { CreateMLCEngine } from '@mlc-ai/web-llm';`],
    ['the Chroma client (its collections embed text)', `import { CloudClient, Knn } from 'chromadb';`],
    ['the ElevenLabs SDK', `const { ElevenLabsClient } = require('elevenlabs');`],
    ['the Agents SDK realtime session', `import { RealtimeSession } from '@openai/agents/realtime';`],
    ['node-llama-cpp', `import { getLlama, LlamaChatSession } from 'node-llama-cpp';`],
    ['an Anthropic path built by hand', "streamSse(await customFetch(`${apiBase}/v1/messages`, init))"],
    ['an Anthropic path relative to a base', `fetch(new URL("messages", this.apiBase), init)`],
    ['a Gemini REST method', "fetch(`${base}/models/${model}:streamGenerateContent?alt=sse`, init)"],
    ['Gemini embeddings REST', "fetch(`${base}/models/${model}:batchEmbedContents`, init)"],
    ['an OpenAI-compatible embeddings path', "fetch(`${this.baseUrl}/embeddings`, init)"],
    ['a rerank path', "axios.post(`${host}/v1/rerank`, body)"],
    ['an image edit on a client base URL', "fetch(`${this.client.baseURL}/images/edits`, init)"],
    ['ElevenLabs speech-to-text', `const url = 'https://api.elevenlabs.io/v1/speech-to-text';`],
    ['Hugging Face serverless inference by model', `const base = env.BASE || 'https://router.huggingface.co/hf-inference/models';`],
    ['Jina classifier API', `const JINA_API_URL = 'https://api.jina.ai/v1/classify';`],
    ['Deepgram', `fetch('https://api.deepgram.com/v1/listen?model=nova-3', init)`],
    ['the Gemini Live WebSocket', `const url = base + '.BidiGenerateContent?key=' + key;`],
    ['an openai v3 client from another module', `import { openai } from './openai';\nawait openai.createChatCompletion({ model, messages });`],
    ['a vector store over an imported embedder', `import { embeddings } from './models';\nconst store = await PineconeStore.fromExistingIndex(embeddings, { pineconeIndex });`],
  ];
  const dropped: Array<[string, string]> = [
    ['plain code', `export const add = (a: number, b: number) => a + b;`],
    ['a word containing ai', `import { maintain } from './ai-utils';\nconst said = 'ai';`],
    ['Electron IPC invoke', `ipcRenderer.invoke('open-file', path);`],
    ['chat/completions inside a word', `const label = 'groupchat/completions';\nconst page = "myapi/chat";`],
    ['a chat method of another library', `bot.chat({ text: 'hi' });\nslack.chat.postMessage({ channel });`],
    ['an app route for messages', `fetch('/api/messages', { method: 'POST', body });\nrouter.get('/messages/:id', handler);`],
    ['a sendMessage of a chat library', `await bot.sendMessage(chatId, 'hello');`],
  ];
  for (const [name, text] of kept) it(`keeps ${name}`, () => assert.equal(mightContainLlmCall(text), true));
  for (const [name, text] of dropped) it(`drops ${name}`, () => assert.equal(mightContainLlmCall(text), false));
});
