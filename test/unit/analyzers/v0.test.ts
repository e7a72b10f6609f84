import { v0Analyzer } from '../../../src/analyzers/v0';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('v0 analyzer', v0Analyzer, {
  valid: [
    { name: "the chat list and projects ask no model; another package's chats.create is none", code: `import { createClient } from 'v0-sdk';\nimport { slack } from './slack';\nconst client = createClient({ apiKey: 'k' });\nexport async function run() {\n  await client.chats.find();\n  await client.projects.find();\n  return slack.chats.create({ message: 'hi' });\n}` },
  ],
  invalid: [
    {
      name: 'a chat created with a system prompt and a model, and a message sent on the package instance: the model the account defaults to, said so',
      code: `import { createClient, v0 } from 'v0-sdk';
const client = createClient({ apiKey: process.env.V0_API_KEY });
export async function start(idea: string, chatId: string) {
  await client.chats.create({ system: 'You build Next.js apps.', message: 'Build: ' + idea, modelConfiguration: { modelId: 'v0-1.5-md' } });
  return v0.chats.sendMessage({ chatId, message: 'Make the header sticky.' });
}`,
      calls: [
        { line: 4, method: 'chats.create', sdk: 'v0', provider: 'v0', endpoint: 'chat', model: 'v0-1.5-md', promptIncludes: ['You build Next.js apps.', 'Build: '] },
        { line: 5, method: 'chats.sendMessage', provider: 'v0', model: null, promptIncludes: ['Make the header sticky.'], evidenceIncludes: ["the v0 account's default model"] },
      ],
    },
  ],
});
