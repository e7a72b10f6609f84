import { togetherAnalyzer } from '../../../src/analyzers/together';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('together analyzer', togetherAnalyzer, {
  valid: [
    { name: 'a comment and a string naming the API', code: `// together.chat.completions.create({ model: 'x' })\nexport const doc = "together.images.create({})";` },
    { name: 'Groq chat completions are not Together', code: `import Groq from 'groq-sdk';\nconst together = new Groq();\ntogether.chat.completions.create({ model: 'x', messages: [] });` },
    { name: 'an images.create of an unrelated client', code: `import Docker from 'dockerode';\nconst docker = new Docker();\ndocker.images.create({ fromImage: 'node' });` },
  ],
  invalid: [
    {
      name: 'chat, embeddings and images on a Together client',
      code: `import Together from 'together-ai';
const together = new Together();
await together.chat.completions.create({ model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', max_tokens: 512, messages: [{ role: 'user', content: 'Write a limerick about GPUs' }] });
await together.embeddings.create({ model: 'BAAI/bge-large-en-v1.5', input: passage });
await together.images.create({ model: 'black-forest-labs/FLUX.1-schnell', prompt: 'a cat in a spacesuit' });`,
      calls: [
        { line: 3, provider: 'together', endpoint: 'chat', model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', maxOutputTokens: 512, promptIncludes: ['limerick'] },
        { line: 4, method: 'embeddings.create', endpoint: 'embedding', model: 'BAAI/bge-large-en-v1.5', holeKinds: ['rag-context'] },
        { line: 5, method: 'images.create', endpoint: 'image-generation', model: 'black-forest-labs/FLUX.1-schnell', promptIncludes: ['spacesuit'] },
      ],
    },
  ],
});
