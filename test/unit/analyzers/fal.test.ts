import { falAnalyzer } from '../../../src/analyzers/fal';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('fal analyzer', falAnalyzer, {
  valid: [
    { name: 'a queue status poll is no run', code: `import { fal } from '@fal-ai/client';\nexport const state = fal.queue.status('fal-ai/flux/dev', { requestId: 'r' });` },
    { name: 'a LoRA fine-tuning job, queued or run (ProHeadshots): training, no inference request', code: `import { fal } from '@fal-ai/client';
export async function train(zipUrl: string) {
  await fal.queue.submit('fal-ai/flux-lora-fast-training', { input: { images_data_url: zipUrl } });
  return fal.subscribe('fal-ai/flux-lora-portrait-trainer', { input: { images_data_url: zipUrl } });
}` },
    { name: 'a client made by another package\'s createFalClient-named factory is no fal client', code: `import { createFalClient } from './fake';\nexport const run = () => createFalClient().subscribe('fal-ai/flux/dev', { input: { prompt: 'x' } });`, files: { 'src/fake.ts': `export const createFalClient = () => ({ subscribe: (id: string, options: object) => ({ id, options }) });\n` } },
    { name: 'an RxJS-style subscribe on something else', code: `declare const events: { subscribe(name: string, options: object): void };\nevents.subscribe('fal-ai/flux/dev', { input: { prompt: 'x' } });` },
  ],
  invalid: [
    {
      name: 'the earlier serverless client as a namespace import: an image model run with its prompt',
      code: `import * as fal from '@fal-ai/serverless-client';
export async function draw(userMessage: string) {
  return fal.subscribe('fal-ai/stable-diffusion-v3-medium', { input: { prompt: userMessage, sync_mode: true }, logs: true });
}`,
      calls: [{ line: 3, method: 'subscribe', provider: 'fal', endpoint: 'image-generation', model: 'fal-ai/stable-diffusion-v3-medium', promptIncludes: ['{{userMessage}}'] }],
    },
    {
      name: "clients made with createFalClient: a module's shared one, and one per user key handed out by the app's async factory (`const falClient = await getFalClient(apiKey)`)",
      code: `import { createFalClient } from '@fal-ai/client';
const fal = createFalClient({ credentials: () => process.env.FAL_KEY as string });
async function getFalClient(apiKey?: string) {
  if (apiKey) return createFalClient({ credentials: () => apiKey });
  return fal;
}
export async function removeBackground(imageUrl: string, apiKey?: string) {
  const falClient = await getFalClient(apiKey);
  return falClient.subscribe('fal-ai/bria/background/remove', { input: { image_url: imageUrl } });
}
export const draw = (prompt: string) => fal.subscribe('fal-ai/flux/dev', { input: { prompt, num_images: 1 } });`,
      calls: [
        { line: 9, method: 'subscribe', provider: 'fal', endpoint: 'other', model: 'fal-ai/bria/background/remove' },
        { line: 11, method: 'subscribe', provider: 'fal', endpoint: 'image-generation', model: 'fal-ai/flux/dev' },
      ],
    },
    {
      name: 'a video model run directly: another kind of request, not image generation',
      code: `import { fal } from '@fal-ai/client';
export const clip = (prompt: string) => fal.run('fal-ai/veo3', { input: { prompt, duration: '8s' } });`,
      calls: [{ line: 2, method: 'run', provider: 'fal', endpoint: 'other', model: 'fal-ai/veo3' }],
    },
  ],
});
