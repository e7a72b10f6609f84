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
      name: 'a video model run directly: another kind of request, not image generation',
      code: `import { fal } from '@fal-ai/client';
export const clip = (prompt: string) => fal.run('fal-ai/veo3', { input: { prompt, duration: '8s' } });`,
      calls: [{ line: 2, method: 'run', provider: 'fal', endpoint: 'other', model: 'fal-ai/veo3' }],
    },
  ],
});
