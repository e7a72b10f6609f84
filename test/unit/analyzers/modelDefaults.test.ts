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
class Embedder {
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
