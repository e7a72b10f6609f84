import { huggingfaceInferenceAnalyzer } from '../../../src/analyzers/huggingface-inference';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('huggingface-inference analyzer', huggingfaceInferenceAnalyzer, {
  valid: [
    { name: "another package's chatCompletion and textGeneration", code: `import { Client } from 'some-llm-client';\nconst client = new Client();\nawait client.chatCompletion({ model: 'm', messages: [] });\nawait client.textGeneration({ model: 'm', inputs: 'hi' });` },
    { name: 'a client made, no request', code: `import { InferenceClient } from '@huggingface/inference';\nexport const hf = new InferenceClient(process.env.HF_TOKEN);` },
  ],
  invalid: [
    {
      name: "InferenceClient's chat (streamed and not), embeddings and text-to-image; HfInference's text generation; the old package's text classification",
      code: `import { InferenceClient, HfInference } from '@huggingface/inference';
import { HuggingFace } from 'huggingface';
const client = new InferenceClient(process.env.HF_TOKEN);
export async function run(question: string) {
  await client.chatCompletion({ model: 'meta-llama/Llama-3.1-8B-Instruct', messages: [{ role: 'user', content: question }], max_tokens: 256 });
  for await (const chunk of client.chatCompletionStream({ model: 'Qwen/Qwen2.5-7B-Instruct', messages: [{ role: 'user', content: question }] })) console.log(chunk);
  await client.featureExtraction({ model: 'sentence-transformers/all-MiniLM-L6-v2', inputs: question });
  await client.textToImage({ model: 'black-forest-labs/FLUX.1-schnell', inputs: question });
  const legacy = new HfInference(process.env.HF_TOKEN);
  await legacy.textGeneration({ model: 'gpt2', inputs: question, parameters: { max_new_tokens: 50 } });
  const old = new HuggingFace(process.env.HF_TOKEN);
  return old.textClassification({ model: 'papluca/xlm-roberta-base-language-detection', inputs: question });
}`,
      calls: [
        { line: 5, method: 'chatCompletion', sdk: 'huggingface-inference', provider: 'huggingface', endpoint: 'chat', model: 'meta-llama/Llama-3.1-8B-Instruct', maxOutputTokens: 256, promptIncludes: ['{{question}}'] },
        { line: 6, method: 'chatCompletionStream', endpoint: 'chat', model: 'Qwen/Qwen2.5-7B-Instruct', features: { streaming: true } },
        { line: 7, method: 'featureExtraction', endpoint: 'embedding', model: 'sentence-transformers/all-MiniLM-L6-v2' },
        { line: 8, method: 'textToImage', endpoint: 'image-generation', model: 'black-forest-labs/FLUX.1-schnell' },
        { line: 10, method: 'textGeneration', endpoint: 'completion', model: 'gpt2', maxOutputTokens: 50 },
        { line: 12, method: 'textClassification', endpoint: 'other', model: 'papluca/xlm-roberta-base-language-detection' },
      ],
    },
  ],
});
