import { difyAnalyzer } from '../../../src/analyzers/dify';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('dify analyzer', difyAnalyzer, {
  valid: [
    {
      name: "reading conversations, feedback, uploads and the app's parameters asks no model; a rename with autoGenerate false is a plain rename; another package's createChatMessage is none",
      code: `import { ChatClient } from 'dify-client';
import { chat } from './chat';
const client = new ChatClient(process.env.DIFY_KEY!, 'https://dify.example.com/v1');
export async function housekeeping(user: string, id: string) {
  await client.getConversations(user);
  await client.getConversationMessages(user, id);
  await client.messageFeedback(id, 'like', user);
  await client.getApplicationParameters(user);
  await client.renameConversation(id, 'Trip plans', user, false);
  return chat.createChatMessage({}, 'hi', user);
}`,
    },
  ],
  invalid: [
    {
      name: "a chat turn, a completion, a workflow run and an auto-generated title of Dify apps: the model is the app's, configured in Dify and unknown here",
      code: `import { ChatClient, CompletionClient, WorkflowClient } from 'dify-client';
const chat = new ChatClient(process.env.DIFY_KEY!);
const writer = new CompletionClient(process.env.DIFY_WRITER_KEY!);
const flow = new WorkflowClient(process.env.DIFY_FLOW_KEY!);
export async function turn(query: string, user: string, conversationId: string, autoGenerate: boolean) {
  await chat.createChatMessage({}, query, user, 'streaming', conversationId, []);
  await writer.createCompletionMessage({ topic: query }, user, false);
  await flow.run({ text: query }, user, false);
  return chat.renameConversation(conversationId, '', user, autoGenerate);
}`,
      calls: [
        { line: 6, method: 'createChatMessage', sdk: 'dify', provider: 'dify', endpoint: 'chat', model: null, features: { streaming: true }, evidenceIncludes: ['configured in the Dify app'] },
        { line: 7, method: 'createCompletionMessage', provider: 'dify', endpoint: 'completion', features: { streaming: false } },
        { line: 8, method: 'run', provider: 'dify', endpoint: 'chat' },
        { line: 9, method: 'renameConversation', provider: 'dify', evidenceIncludes: ['title'] },
      ],
    },
  ],
});
