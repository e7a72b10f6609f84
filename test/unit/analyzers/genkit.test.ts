import { genkitAnalyzer } from '../../../src/analyzers/genkit';
import { runAnalyzerTests } from './tester';

const FIREBASE_GENKIT = `import { genkit } from 'genkit';
import { googleAI } from '@genkit-ai/googleai';
export const ai = genkit({ plugins: [googleAI()], model: 'googleai/gemini-2.0-flash' });
`;

runAnalyzerTests('genkit analyzer', genkitAnalyzer, {
  valid: [
    {
      name: 'making an instance, defining a prompt, a flow and a tool sends nothing',
      code: `import { genkit, z } from 'genkit';
import { googleAI } from '@genkit-ai/googleai';
const ai = genkit({ plugins: [googleAI()], model: googleAI.model('gemini-2.5-flash') });
export const getWeather = ai.defineTool({ name: 'getWeather', description: 'Weather for a city', inputSchema: z.object({ city: z.string() }) }, async ({ city }) => city);
export const summarize = ai.definePrompt({ name: 'summarize', prompt: 'Summarize {{text}}' });
export const flow = ai.defineFlow({ name: 'summarizeFlow', inputSchema: z.string() }, async (text) => text);`,
    },
    {
      name: "a generate() of another library, and a prompt() of the browser",
      code: `import { generate } from './templates';
export const page = generate({ model: 'googleai/gemini-2.0-flash', prompt: 'x' });
export const name = window.prompt('Your name?');`,
    },
  ],
  invalid: [
    {
      name: "a prompt defined on an instance made from a dynamically imported genkit (quizzicallabsai's lazy loader), made per plan by an arrow function and run on each retry",
      files: {
        'src/ai/genkit.ts': `const loadGenkit = async () => {
  const [genkitModule, googleAIModule] = await Promise.all([import('genkit').catch(() => null), import('@genkit-ai/googleai').catch(() => null)]);
  if (!genkitModule || !googleAIModule) return { genkit: null, googleAI: null };
  return { genkit: genkitModule.genkit, googleAI: googleAIModule.googleAI };
};
let _ai: any = null;
const initializeAI = async () => {
  if (_ai) return _ai;
  const { genkit: genkitFn, googleAI: googleAIFn } = await loadGenkit();
  _ai = genkitFn({ plugins: [googleAIFn({ apiKey: process.env.GEMINI_API_KEY })] });
  return _ai;
};
export const ai = typeof window === 'undefined' ? initializeAI() : null;
`,
      },
      code: `import { ai } from './ai/genkit';
import { z } from 'genkit';
const promptText = 'Write one flashcard for each question the user missed on {{topic}}.';
export async function generateFlashcards(input: { topic: string; isPro: boolean }) {
  const aiInstance = await ai;
  const createPrompt = (isPro: boolean) => aiInstance.definePrompt({
    name: 'generateFlashcardsPrompt',
    model: \`googleai/\${isPro ? 'gemini-2.5-pro' : 'gemini-2.5-flash'}\`,
    prompt: promptText,
    output: { schema: z.object({ cards: z.array(z.string()) }) },
  });
  for (let attempt = 1; attempt <= 3; attempt++) {
    const prompt = createPrompt(input.isPro);
    const result = await prompt(input);
    if (result.output) return result.output;
  }
  return null;
}`,
      calls: [{ line: 14, method: "definePrompt 'generateFlashcardsPrompt'", provider: 'google', candidates: ['gemini-2.5-pro', 'gemini-2.5-flash'], endpoint: 'chat', features: { structuredOutput: true }, promptIncludes: ['Write one flashcard'] }],
    },
    {
      name: "generate() with the plugin's model reference and tools: served by the plugin's provider, asked again with each tool result",
      code: `import { genkit } from 'genkit';
import { gpt4oMini, openAI } from 'genkitx-openai';
import { searchTools } from './tools';
const ai = genkit({ plugins: [openAI()] });
export async function main() {
  const result = await ai.generate({
    model: gpt4oMini,
    tools: searchTools,
    system: 'You are a helpful assistant. Be as concise as possible.',
    prompt: 'What is the weather in San Francisco?',
  });
  return result.text;
}`,
      calls: [{ line: 6, method: 'ai.generate', sdk: 'genkit', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini', features: { tools: true, multiStep: true }, promptIncludes: ['Be as concise as possible', 'weather in San Francisco'] }],
    },
    {
      name: "a prompt defined on the app's instance (another module) and run in a flow, as Firebase Studio writes them: the instance's default model, structured output",
      code: `import { ai } from '../genkit';
import { z } from 'genkit';
const prompt = ai.definePrompt({
  name: 'summarizeTicketPrompt',
  input: { schema: z.object({ ticket: z.string() }) },
  output: { schema: z.object({ summary: z.string(), priority: z.enum(['low', 'high']) }) },
  prompt: 'Summarize this support ticket and rate its priority: {{{ticket}}}',
});
export const summarizeTicketFlow = ai.defineFlow({ name: 'summarizeTicketFlow' }, async (input: { ticket: string }) => {
  const { output } = await prompt(input);
  return output!;
});`,
      file: 'src/ai/flows/summarize-ticket.ts',
      files: { 'src/ai/genkit.ts': FIREBASE_GENKIT },
      calls: [{ line: 10, method: "definePrompt 'summarizeTicketPrompt'", provider: 'google', endpoint: 'chat', model: 'gemini-2.0-flash', features: { structuredOutput: true }, promptIncludes: ['Summarize this support ticket'], evidenceIncludes: ["the Genkit instance's default model"] }],
    },
    {
      name: 'streamed generation and an embedding with the Vertex AI plugin of the Google GenAI package',
      code: `import { genkit } from 'genkit';
import { vertexAI } from '@genkit-ai/google-genai';
const ai = genkit({ plugins: [vertexAI()] });
export function stream(question: string) {
  return ai.generateStream({ model: vertexAI.model('gemini-2.5-pro'), prompt: question, config: { maxOutputTokens: 512 } });
}
export const vector = (text: string) => ai.embed({ embedder: vertexAI.embedder('text-embedding-005'), content: text });`,
      calls: [
        { line: 5, method: 'ai.generateStream', provider: 'google-vertex', model: 'gemini-2.5-pro', maxOutputTokens: 512, features: { streaming: true } },
        { line: 7, method: 'ai.embed', provider: 'google-vertex', endpoint: 'embedding', model: 'text-embedding-005' },
      ],
    },
    {
      name: "a chat session's turns: the session's system prompt and history go with each",
      code: `import { genkit } from 'genkit/beta';
import { googleAI } from '@genkit-ai/googleai';
const ai = genkit({ plugins: [googleAI()] });
const chat = ai.chat({ model: 'googleai/gemini-2.5-flash', system: 'You are a pirate.' });
export const reply = (message: string) => chat.send(message);`,
      calls: [{ line: 5, method: 'chat.send', provider: 'google', model: 'gemini-2.5-flash', promptIncludes: ['You are a pirate.'], holeKinds: ['history', 'interpolation'] }],
    },
    {
      name: "Genkit before 1.0: generate() imported from @genkit-ai/ai with a plugin's model constant",
      code: `import { generate } from '@genkit-ai/ai';
import { gemini15Flash } from '@genkit-ai/googleai';
export const haiku = (topic: string) => generate({ model: gemini15Flash, prompt: \`Write a haiku about \${topic}.\` });`,
      calls: [{ line: 3, method: 'generate', provider: 'google', model: 'gemini-1.5-flash', promptIncludes: ['Write a haiku about'] }],
    },
    {
      name: 'a model name without a known plugin prefix: the model is read, its server is not known',
      code: `import { genkit } from 'genkit';
const ai = genkit({ plugins: [] });
export const answer = ai.generate({ model: 'myproxy/llama-3.3-70b', prompt: 'Say hi' });`,
      calls: [{ line: 3, method: 'ai.generate', provider: 'unknown', model: 'myproxy/llama-3.3-70b' }],
    },
  ],
});
