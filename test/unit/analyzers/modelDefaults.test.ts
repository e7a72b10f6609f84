import { httpAnalyzer } from '../../../src/analyzers/http';
import { localAnalyzer } from '../../../src/analyzers/local';
import { openaiAnalyzer } from '../../../src/analyzers/openai';
import { runAnalyzerTests } from './tester';

/**
 * Where the code states a model's default in its own configuration rather than at the call: a class's
 * static field, a constructor default, a config object. Fixture projects are our own code.
 */

runAnalyzerTests('model defaults in class fields (openai SDK)', openaiAnalyzer, {
  valid: [],
  invalid: [
    {
      name: "a class's static default (`Embedder.defaultModel`) read through a method, the env variable overriding it",
      code: `import OpenAI from 'openai';
export class Embedder {
  static defaultModel = 'text-embedding-3-small';
  constructor() {
    this.client = new OpenAI();
    this.model = this.selectedModel();
  }
  selectedModel() {
    const fromEnv = process.env.EMBEDDING_MODEL ?? Embedder.defaultModel;
    return fromEnv;
  }
  async embed(texts: string[]) {
    return this.client.embeddings.create({ model: this.model, input: texts });
  }
}`,
      calls: [{ line: 13, model: 'text-embedding-3-small', modelSource: 'env-default', candidates: [] }],
    },
  ],
});

runAnalyzerTests('model defaults in class fields (transformers.js)', localAnalyzer, {
  valid: [],
  invalid: [
    {
      name: 'a pipeline loaded with the class default model (`static defaultModel`) through a cached loader',
      code: `class LocalEmbedder {
  static defaultModel = 'Xenova/all-MiniLM-L6-v2';
  constructor() {
    this.model = process.env.EMBEDDING_MODEL_PREF ?? LocalEmbedder.defaultModel;
  }
  async load() {
    const pipeline = (...args) => import('@xenova/transformers').then(({ pipeline }) => pipeline(...args));
    return pipeline('feature-extraction', this.model);
  }
  async embed(chunks: string[]) {
    const pipe = await this.load();
    return pipe(chunks, { pooling: 'mean', normalize: true });
  }
}`,
      calls: [{ line: 12, model: 'Xenova/all-MiniLM-L6-v2' }],
    },
  ],
});

runAnalyzerTests('model defaults of a config loader (openai SDK)', openaiAnalyzer, {
  valid: [],
  invalid: [
    {
      name: "a config filled key by key from a map of parsers: `config.model` is the `model` parser's fallback",
      files: {
        'src/config.ts': `const configParsers = {
  model(model?: string) {
    if (!model || model.length === 0) {
      return 'gpt-4o-mini';
    }
    return model;
  },
  timeout(timeout?: string) {
    return timeout ? Number(timeout) : 10_000;
  },
};
type ConfigKeys = keyof typeof configParsers;
async function readConfigFile(): Promise<Record<string, string>> {
  return {};
}
export const getConfig = async (cliConfig?: Record<string, string>) => {
  const config = await readConfigFile();
  const parsedConfig: Record<string, unknown> = {};
  for (const key of Object.keys(configParsers) as ConfigKeys[]) {
    const parser = configParsers[key];
    const value = cliConfig?.[key] ?? config[key];
    parsedConfig[key] = parser(value);
  }
  return parsedConfig as { model: string; timeout: number };
};
`,
      },
      code: `import OpenAI from 'openai';
import { getConfig } from './config';
const client = new OpenAI();
export async function commitMessage(diff: string) {
  const config = await getConfig({ model: process.argv[2] });
  return client.chat.completions.create({ model: config.model, messages: [{ role: 'user', content: diff }] });
}`,
      calls: [{ line: 6, model: 'gpt-4o-mini', modelSource: 'config', candidateWheres: [] }],
    },
  ],
});

runAnalyzerTests('a request body passed in by the callers (HTTP)', httpAnalyzer, {
  valid: [],
  invalid: [
    {
      name: "`createChatCompletion(json)` posting its parameter: the model of the object its caller passes",
      code: `async function createChatCompletion(apiKey: string, json: Record<string, unknown>) {
  const response = await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', headers: { Authorization: \`Bearer \${apiKey}\` }, body: JSON.stringify(json) });
  return response.json();
}
export async function summarize(apiKey: string, text: string) {
  return createChatCompletion(apiKey, { model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
}`,
      calls: [{ line: 2, model: 'gpt-4o-mini' }],
    },
  ],
});

runAnalyzerTests('model defaults in a subclass config iterated in a loop (openai SDK)', openaiAnalyzer, {
  valid: [],
  invalid: [
    {
      name: "a base class's config comes from subclasses' `super(config)`; a loop over the config's models tries them in order",
      files: {
        'src/config/extraction.ts': `export const invoiceConfig = {
  models: {
    primary: { model: 'gpt-4.1-mini' },
    fallback: { model: 'gpt-4.1' },
  },
};
`,
        'src/processors/invoice/invoice-processor.ts': `import { ExtractionEngine } from '../../case';
import { invoiceConfig } from '../../config/extraction';
export class InvoiceProcessor extends ExtractionEngine {
  constructor() {
    super(invoiceConfig);
  }
}
`,
      },
      code: `import OpenAI from 'openai';
const client = new OpenAI();
export class ExtractionEngine {
  config: { models: Record<string, { model: string }> };
  constructor(config: { models: Record<string, { model: string }> }) {
    this.config = config;
  }
  async extract(text: string) {
    const models = [
      { config: this.config.models.primary, name: 'primary' },
      { config: this.config.models.fallback, name: 'fallback' },
    ];
    for (const { config: modelConfig } of models) {
      const result = await this.extractWith(text, modelConfig);
      if (result) return result;
    }
    return null;
  }
  async extractWith(text: string, modelConfig: { model: string }) {
    return client.chat.completions.create({ model: modelConfig.model, messages: [{ role: 'user', content: text }] });
  }
}`,
      calls: [{ line: 20, model: 'gpt-4.1-mini', candidates: ['gpt-4.1-mini', 'gpt-4.1'], candidateWheres: ['src/config/extraction.ts:3', 'src/config/extraction.ts:4'] }],
    },
  ],
});

runAnalyzerTests('a model sent as a query parameter (HTTP)', httpAnalyzer, {
  valid: [],
  invalid: [
    {
      name: "`url.searchParams.set('model', this.model)` on the URL fetched: the field's default",
      code: `export class Transcriber {
  model: string;
  constructor() {
    this.model = process.env.STT_DEEPGRAM_MODEL ?? 'nova-3';
  }
  async transcribe(audio: Buffer) {
    const url = new URL('https://api.deepgram.com/v1/listen');
    url.searchParams.set('model', this.model);
    return fetch(url.toString(), { method: 'POST', body: audio });
  }
}`,
      calls: [{ line: 9, model: 'nova-3', modelSource: 'env-default' }],
    },
  ],
});

runAnalyzerTests("a base class's model set by its subclasses (openai SDK)", openaiAnalyzer, {
  valid: [],
  invalid: [
    {
      name: 'a destructured constructor option `{ client, model }` filled by `super({ ... })` in subclass files below the base',
      files: {
        'src/generators/local/index.ts': `import OpenAI from 'openai';
import { BaseImageGenerator } from '../../case';
export class LocalImageGenerator extends BaseImageGenerator {
  constructor() {
    super({ client: new OpenAI({ baseURL: process.env.LOCAL_BASE_PATH }), model: process.env.IMAGE_MODEL_PREF });
  }
}
`,
        'src/generators/openai/index.ts': `import OpenAI from 'openai';
import { BaseImageGenerator } from '../../case';
export class OpenAiImageGenerator extends BaseImageGenerator {
  constructor() {
    super({ client: new OpenAI(), model: process.env.IMAGE_MODEL_PREF || 'gpt-image-1' });
  }
}
`,
      },
      code: `import type OpenAI from 'openai';
export class BaseImageGenerator {
  client: OpenAI;
  model: string | undefined;
  constructor({ client, model }: { client: OpenAI; model: string | undefined }) {
    this.client = client;
    this.model = model;
  }
  async generate(prompt: string) {
    return this.client.images.generate({ model: this.model, prompt, size: '1024x1024', n: 1 });
  }
}`,
      calls: [{ line: 10, model: 'gpt-image-1', modelSource: 'env-default' }],
    },
  ],
});

runAnalyzerTests('a callback run over a list of models (openai SDK)', openaiAnalyzer, {
  valid: [],
  invalid: [
    {
      name: '`mapLimit(CANDIDATES, 4, async (c) => ...)` and `MODELS.map((m) => ...)`: each element of the list, in order',
      code: `import OpenAI from 'openai';
const client = new OpenAI();
const CANDIDATES = [{ label: 'Small', value: 'gpt-4.1-mini' }, { label: 'Large', value: 'gpt-4.1' }];
const MODELS = ['o4-mini', 'o3'];
declare function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]>;
export const probes = await mapLimit(CANDIDATES, 4, async (c) => client.chat.completions.create({ model: c.value, messages: [{ role: 'user', content: 'ok' }] }));
export const answers = await Promise.all(MODELS.map((model) => client.chat.completions.create({ model, messages: [{ role: 'user', content: 'ok' }] })));`,
      calls: [
        { line: 6, model: 'gpt-4.1-mini', candidates: ['gpt-4.1-mini', 'gpt-4.1'] },
        { line: 7, model: 'o4-mini', candidates: ['o4-mini', 'o3'] },
      ],
    },
  ],
});
