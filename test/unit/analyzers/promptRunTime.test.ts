import { openaiAnalyzer } from '../../../src/analyzers/openai';
import { runAnalyzerTests } from './tester';

// Text the code builds while it runs: an empty `let` filled later is a hole, never an empty prompt.

runAnalyzerTests('prompt text made at run time (openai)', openaiAnalyzer, {
  valid: [],
  invalid: [
    {
      name: "a reply gathered into `let reply = ''` from a stream and spoken: the input is a run-time hole",
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function speakReply(stream: AsyncIterable<string>) {
  let streamed = '';
  let final = '';
  for await (const chunk of stream) streamed += chunk;
  const reply = final || streamed;
  return openai.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: reply });
}`,
      calls: [{ line: 8, model: 'tts-1', holeKinds: ['interpolation'] }],
    },
    {
      name: 'an empty constant stays empty static text',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
const SUFFIX = '';
export async function ask(question: string) {
  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: \`\${question}\${SUFFIX}\` }] });
}`,
      calls: [{ line: 5, holeKinds: ['interpolation'] }],
    },
  ],
});
