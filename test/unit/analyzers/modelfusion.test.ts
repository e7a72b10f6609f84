import { modelfusionAnalyzer } from '../../../src/analyzers/modelfusion';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('modelfusion analyzer', modelfusionAnalyzer, {
  valid: [
    { name: 'a local generateText of the same name', code: `async function generateText(options: { model: string; prompt: string }) { return options.prompt; }\nexport const reply = generateText({ model: 'gpt-4', prompt: 'hi' });` },
    { name: "the AI SDK's generateText is the vercel-ai analyzer's", code: `import { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nexport const reply = generateText({ model: openai('gpt-4o'), prompt: 'hi' });` },
    { name: 'a model made but never used', code: `import { openai } from 'modelfusion';\nexport const model = openai.ChatTextGenerator({ model: 'gpt-4' });` },
  ],
  invalid: [
    {
      name: 'a completion model through the facade: the legacy completions endpoint, its output limit read',
      code: `import { generateText, openai } from 'modelfusion';
export async function story(topic: string) {
  return generateText({
    model: openai.CompletionTextGenerator({ model: 'gpt-3.5-turbo-instruct', maxGenerationTokens: 1000 }),
    prompt: 'Write a story about ' + topic,
  });
}`,
      calls: [{ line: 3, method: 'generateText', provider: 'openai', endpoint: 'completion', model: 'gpt-3.5-turbo-instruct', maxOutputTokens: 1000, promptIncludes: ['Write a story about', '{{topic}}'] }],
    },
    {
      name: 'a chat model behind decorators with an instruction prompt, streamed as structured output',
      code: `import { openai, streamObject, zodSchema } from 'modelfusion';
import { z } from 'zod';
export async function parts(story: string) {
  return streamObject({
    model: openai.ChatTextGenerator({ model: 'gpt-4', temperature: 0 }).asFunctionCallObjectGenerationModel({ fnName: 'parts' }).withInstructionPrompt(),
    schema: zodSchema(z.object({ parts: z.array(z.string()) })),
    prompt: { system: 'You split stories into narrated parts.', instruction: story },
  });
}`,
      calls: [{ line: 4, method: 'streamObject', provider: 'openai', endpoint: 'chat', model: 'gpt-4', features: { streaming: true, structuredOutput: true }, promptIncludes: ['You split stories into narrated parts.', '{{story}}'] }],
    },
    {
      name: 'retrieval embeds the query with the retriever\'s embedding model; storing embeds the objects',
      code: `import { MemoryVectorIndex, openai, retrieve, upsertIntoVectorIndex, VectorIndexRetriever } from 'modelfusion';
const vectorIndex = new MemoryVectorIndex<{ text: string }>();
const embeddingModel = openai.TextEmbedder({ model: 'text-embedding-3-small' });
export async function store(objects: Array<{ text: string }>) {
  await upsertIntoVectorIndex({ vectorIndex, embeddingModel, objects, getValueToEmbed: (object) => object.text });
}
export async function search(query: string) {
  return retrieve(new VectorIndexRetriever({ vectorIndex, embeddingModel, maxResults: 3 }), query);
}`,
      calls: [
        { line: 5, method: 'upsertIntoVectorIndex', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-small' },
        { line: 8, method: 'retrieve', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-small', promptIncludes: ['{{query}}'] },
      ],
    },
    {
      name: 'ModelFusion before 0.100: a model class and positional arguments; transcription and speech facades',
      code: `import { generateSpeech, generateText, generateTranscription, lmnt, OpenAIChatModel, openai } from 'modelfusion';
const model = new OpenAIChatModel({ model: 'gpt-3.5-turbo' });
export async function run(question: string, audioData: Buffer) {
  const heard = await generateTranscription({ model: openai.Transcriber({ model: 'whisper-1' }), mimeType: 'audio/webm', audioData });
  const answer = await generateText(model, question + heard);
  return generateSpeech({ model: lmnt.SpeechGenerator({ voice: 'lily' }), text: answer });
}`,
      calls: [
        { line: 4, method: 'generateTranscription', provider: 'openai', endpoint: 'audio-transcription', model: 'whisper-1' },
        { line: 5, method: 'generateText', provider: 'openai', endpoint: 'chat', model: 'gpt-3.5-turbo', evidenceIncludes: ['new OpenAIChatModel()'] },
        { line: 6, method: 'generateSpeech', provider: 'lmnt', endpoint: 'audio-speech', model: null },
      ],
    },
  ],
});
