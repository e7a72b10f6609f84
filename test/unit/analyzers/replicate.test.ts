import { replicateAnalyzer } from '../../../src/analyzers/replicate';
import { runAnalyzerTests } from './tester';

const CLIENT = `import Replicate from 'replicate';\nconst replicate = new Replicate({ auth: process.env.REPLICATE_API_TOKEN });\n`;

runAnalyzerTests('replicate analyzer', replicateAnalyzer, {
  valid: [
    { name: 'a comment and a string naming the API', code: `// replicate.run('black-forest-labs/flux-schnell', { input: { prompt } })\nexport const doc = "replicate.predictions.create({ version })";` },
    {
      name: 'reading, cancelling and waiting for predictions, the model registry and webhook checks run no model',
      code: `import Replicate, { validateWebhook } from 'replicate';
const replicate = new Replicate();
export async function poll(id: string, request: Request, secret: string) {
  const prediction = await replicate.predictions.get(id);
  await replicate.predictions.cancel(id);
  await replicate.predictions.list();
  await replicate.models.get('stability-ai', 'sdxl');
  await replicate.models.versions.list('stability-ai', 'sdxl');
  await replicate.wait(prediction);
  return validateWebhook(request, secret);
}`,
    },
    { name: 'run() of another client (a container runtime)', code: `import Docker from 'dockerode';\nconst docker = new Docker();\ndocker.run('owner/image:latest', { input: { prompt: 'x' } });` },
    { name: 'an untraced run() whose receiver does not name Replicate', code: `export const go = (runner: any) => runner.run('owner/tool', { input: { prompt: 'x' } });` },
  ],
  invalid: [
    {
      name: 'run and stream by model ref: an image model, a language model streamed, a ref pinned to a version',
      code: `${CLIENT}export async function art(idea: string) {
  return replicate.run('black-forest-labs/flux-schnell', { input: { prompt: \`A watercolor of \${idea}\`, aspect_ratio: '1:1' } });
}
export async function* answer(question: string) {
  yield* replicate.stream('meta/meta-llama-3-70b-instruct', { input: { system_prompt: 'You answer in one sentence.', prompt: question, max_new_tokens: 256 } });
}
export const caption = (image: string) => replicate.run('yorickvp/llava-13b:80537f9eead1a5bfa72d5ac6ea6414379be41d4d4f6679fd776e9535d1eb58bb', { input: { image, prompt: 'Describe this picture' } });`,
      calls: [
        { line: 4, method: 'run', provider: 'replicate', endpoint: 'image-generation', model: 'black-forest-labs/flux-schnell', modelSource: 'literal', promptIncludes: ['A watercolor of'], features: { streaming: false } },
        { line: 7, method: 'stream', endpoint: 'chat', model: 'meta/meta-llama-3-70b-instruct', features: { streaming: true }, maxOutputTokens: 256, promptIncludes: ['one sentence', '{{question}}'] },
        { line: 9, method: 'run', endpoint: 'chat', model: 'yorickvp/llava-13b', features: { vision: true }, evidenceIncludes: ['pinned to version 80537f9eead1'] },
      ],
    },
    {
      name: 'predictions.create: a version hash alone (model not named) with a webhook, a model from an env default, a pinned ref streamed',
      code: `${CLIENT}const SONG_VERSION = '671ac645ce5e552cc63a54a2bbff63fcf798043055d2dac5fc9e36a837eedcfb';
export async function compose(prompt: string, webhook: string) {
  return replicate.predictions.create({ version: SONG_VERSION, input: { prompt, duration: 8 }, webhook, webhook_events_filter: ['completed'] });
}
const CHAT_MODEL = process.env.REPLICATE_CHAT_MODEL ?? 'mistralai/mixtral-8x7b-instruct-v0.1';
export const reply = (prompt: string) => replicate.predictions.create({ model: CHAT_MODEL, input: { prompt, max_new_tokens: 512 } });
export const live = (prompt: string) => replicate.predictions.create({ version: 'stability-ai/sdxl:39ed52f2a78e934b3ba6e2a89f5b1c712de7dfea535525255b1aa35c5565e08b', input: { prompt, negative_prompt: 'blurry' }, stream: true });`,
      calls: [
        { line: 5, method: 'predictions.create', provider: 'replicate', endpoint: 'other', model: null, evidenceIncludes: ['not the model, so the model is not named in code', 'webhook'], promptIncludes: ['{{prompt}}'] },
        { line: 8, method: 'predictions.create', endpoint: 'chat', model: 'mistralai/mixtral-8x7b-instruct-v0.1', modelSource: 'env-default', maxOutputTokens: 512 },
        { line: 9, method: 'predictions.create', endpoint: 'image-generation', model: 'stability-ai/sdxl', features: { streaming: true } },
      ],
    },
    {
      name: "models.predictions.create by owner and name, and a team's own deployment (model configured on Replicate) on a client from a factory and a typed parameter",
      code: `import Replicate from 'replicate';
function replicateClient() {
  return new Replicate({ auth: process.env.REPLICATE_API_TOKEN });
}
export const haiku = (topic: string) => replicateClient().models.predictions.create('meta', 'meta-llama-3-8b-instruct', { input: { prompt: \`Write a haiku about \${topic}\` } });
export async function render(client: Replicate, prompt: string) {
  return client.deployments.predictions.create('acme', 'product-image-generator', { input: { prompt } });
}`,
      calls: [
        { line: 5, method: 'models.predictions.create', provider: 'replicate', endpoint: 'chat', model: 'meta/meta-llama-3-8b-instruct', promptIncludes: ['Write a haiku about'] },
        { line: 7, method: 'deployments.predictions.create', provider: 'replicate', endpoint: 'image-generation', model: null, evidenceIncludes: ["Replicate deployment acme/product-image-generator: the team's own deployment", 'configured on Replicate, not in code'] },
      ],
    },
    {
      name: 'an untraced client named for Replicate; a model whose name and inputs say nothing of its kind',
      code: `export async function transcode(replicateClient: any, file: string) {
  return replicateClient.run('someone/mystery-tool', { input: { file } });
}`,
      calls: [{ line: 2, method: 'run', endpoint: 'other', model: 'someone/mystery-tool', evidenceIncludes: ['not traced to a replicate client', 'kind of model not known'], holeKinds: [] }],
    },
  ],
});
