import { vscodeLmAnalyzer } from '../../../src/analyzers/vscode-lm';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('vscode-lm analyzer', vscodeLmAnalyzer, {
  valid: [
    { name: "a language client's sendRequest (LSP) is no model request", code: `import * as vscode from 'vscode';\nimport { LanguageClient } from 'vscode-languageclient/node';\nexport async function format(client: LanguageClient, document: vscode.TextDocument) {\n  return client.sendRequest('textDocument/formatting', { textDocument: { uri: document.uri.toString() } });\n}` },
    { name: 'listing the chat models sends no request', code: `import * as vscode from 'vscode';\nexport async function available() {\n  const models = await vscode.lm.selectChatModels();\n  return models.map((model) => model.name);\n}` },
  ],
  invalid: [
    {
      name: "a chat participant's handler sending its request to the model the user picked in the Chat view (request.model), typed or not",
      code: `import * as vscode from 'vscode';
export function activate(context: vscode.ExtensionContext) {
  const tutor = vscode.chat.createChatParticipant('demo.tutor', async (request, chatContext, stream, token) => {
    const reply = await request.model.sendRequest([vscode.LanguageModelChatMessage.User('You are a patient tutor. ' + request.prompt)], {}, token);
    for await (const fragment of reply.text) stream.markdown(fragment);
  });
  context.subscriptions.push(tutor);
}
export async function answer(request: vscode.ChatRequest, token: vscode.CancellationToken) {
  return request.model.sendRequest([vscode.LanguageModelChatMessage.User(request.prompt)], {}, token);
}`,
      calls: [
        { line: 4, method: 'LanguageModelChat.sendRequest', provider: 'github-copilot', model: null, modelSource: 'user-choice', promptIncludes: ['patient tutor'] },
        { line: 10, method: 'LanguageModelChat.sendRequest', provider: 'github-copilot', model: null, modelSource: 'user-choice' },
      ],
    },
    {
      name: 'a model picked with vscode.lm.selectChatModels({ vendor, family }) and sent messages: Copilot serves it, the family is the model',
      code: `import * as vscode from 'vscode';
export async function explain(selection: string, token: vscode.CancellationToken) {
  const [model] = await vscode.lm.selectChatModels({ vendor: 'copilot', family: 'gpt-4o' });
  const response = await model.sendRequest([
    vscode.LanguageModelChatMessage.User('Explain what this code does in two sentences.'),
    vscode.LanguageModelChatMessage.User(selection),
  ], {}, token);
  let text = '';
  for await (const part of response.text) text += part;
  return text;
}`,
      calls: [{ line: 4, method: 'LanguageModelChat.sendRequest', provider: 'github-copilot', endpoint: 'chat', model: 'gpt-4o', features: { streaming: true, tools: false }, promptIncludes: ['Explain what this code does'], evidenceIncludes: ['no per-token API price'] }],
    },
    {
      name: 'the model the settings name, found in the list selectChatModels returns, else its first (`models.find(...) || models[0]`)',
      code: `import * as vscode from 'vscode';
export async function summarize(diff: string, modelId: string | undefined) {
  const models = await vscode.lm.selectChatModels();
  const chatModel = models.find((model) => model.id === modelId) || models[0];
  const response = await chatModel.sendRequest([vscode.LanguageModelChatMessage.User(\`Write a commit message for:\n\${diff}\`)], {});
  let text = '';
  for await (const part of response.text) text += part;
  return text;
}`,
      calls: [{ line: 5, method: 'LanguageModelChat.sendRequest', endpoint: 'chat', model: null, promptIncludes: ['Write a commit message for:'], evidenceIncludes: ['vscode.lm.selectChatModels'] }],
    },
    {
      name: "a handler caching the model its settings' selector picks (a field typed LanguageModelChat, a getter declared to return it) and adding tools to the options when there are some: the user's model",
      code: `import * as vscode from 'vscode';
export class EditorModelHandler {
  private chat: vscode.LanguageModelChat | null = null;
  constructor(private readonly selector: vscode.LanguageModelChatSelector) {}
  private async pick(): Promise<vscode.LanguageModelChat> {
    if (this.chat) return this.chat;
    const found = await vscode.lm.selectChatModels(this.selector);
    this.chat = found[0];
    return this.chat;
  }
  async *answer(turns: vscode.LanguageModelChatMessage[], tools: vscode.LanguageModelChatTool[], token: vscode.CancellationToken) {
    const chat = await this.pick();
    const options: vscode.LanguageModelChatRequestOptions = { justification: 'The assistant would like to use your model.' };
    if (tools.length > 0) options.tools = tools;
    const reply = await chat.sendRequest(turns, options, token);
    for await (const part of reply.stream) yield part;
  }
}`,
      calls: [{ line: 15, method: 'LanguageModelChat.sendRequest', provider: 'github-copilot', model: null, modelSource: 'user-choice', features: { streaming: true, tools: true }, holeKinds: ['message-array'] }],
    },
  ],
});
