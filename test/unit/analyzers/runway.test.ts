import { runwayAnalyzer } from '../../../src/analyzers/runway';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('runway analyzer', runwayAnalyzer, {
  valid: [
    { name: 'a comment and a string naming the API', code: `// client.imageToVideo.create({ model: 'gen4_turbo' })\nexport const doc = "client.textToImage.create({})";` },
    { name: 'reading a task starts none', code: `import RunwayML from '@runwayml/sdk';\nconst client = new RunwayML();\nawait client.tasks.retrieve('task-id');` },
    { name: 'another SDK with the same method names', code: `import { Other } from 'other-video-sdk';\nconst client = new Other();\nawait client.imageToVideo.create({ model: 'gen4_turbo' });` },
  ],
  invalid: [
    {
      name: "image to video and text to image on a client made with new RunwayML() (Stardom's route), the task awaited in the same chain",
      code: `import RunwayML from '@runwayml/sdk';
const client = new RunwayML({ apiKey: process.env.RUNWAYML_API_SECRET });
export async function POST(request: Request) {
  const { imageUrl, prompt } = await request.json();
  const task = await client.imageToVideo.create({ model: 'gen4_turbo', promptImage: imageUrl, promptText: prompt, ratio: '1280:720', duration: 5 }).waitForTaskOutput();
  const still = await client.textToImage.create({ model: 'gen4_image', promptText: 'A poster for ' + prompt, ratio: '1920:1080' });
  return Response.json({ task, still });
}`,
      calls: [
        { line: 5, method: 'imageToVideo.create', provider: 'runway', endpoint: 'other', model: 'gen4_turbo', features: { vision: true } },
        { line: 6, method: 'textToImage.create', provider: 'runway', endpoint: 'image-generation', model: 'gen4_image', promptIncludes: ['A poster for'] },
      ],
    },
  ],
});
