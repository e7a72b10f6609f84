import { bedrockAnalyzer } from '../../../src/analyzers/bedrock';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('bedrock analyzer', bedrockAnalyzer, {
  valid: [
    { name: 'agent memory and async-invoke bookkeeping are not model requests', code: `import { BedrockAgentRuntimeClient, GetAgentMemoryCommand } from '@aws-sdk/client-bedrock-agent-runtime';\nimport { BedrockRuntimeClient, GetAsyncInvokeCommand, ListAsyncInvokesCommand } from '@aws-sdk/client-bedrock-runtime';\nconst agents = new BedrockAgentRuntimeClient({});\nconst runtime = new BedrockRuntimeClient({});\nagents.send(new GetAgentMemoryCommand({ agentId: 'A', agentAliasId: 'B', memoryId: 'm', memoryType: 'SESSION_SUMMARY' }));\nruntime.send(new GetAsyncInvokeCommand({ invocationArn: 'arn' }));\nruntime.send(new ListAsyncInvokesCommand({}));` },
    { name: 'an InvokeAgentCommand of a different package is not Bedrock', code: `import { InvokeAgentCommand } from './local-commands';\nexport const run = (bus: any) => bus.send(new InvokeAgentCommand({ inputText: 'hi' }));` },
    { name: 'a comment and a string naming the API', code: `// await client.send(new ConverseCommand({ modelId }))\nexport const doc = "client.send(new InvokeModelCommand({ modelId: 'x' }))";` },
    { name: '.send() of an S3 command is not an LLM call', code: `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({});\nawait s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'x' }));` },
    { name: 'Bedrock control plane (listing models) sends no prompt', code: `import { BedrockClient, ListFoundationModelsCommand } from '@aws-sdk/client-bedrock';\nconst client = new BedrockClient({});\nawait client.send(new ListFoundationModelsCommand({}));` },
    { name: 'a ConverseCommand class of the app itself', code: `class ConverseCommand { constructor(public input: unknown) {} }\nconst bus = { send: (c: unknown) => c };\nbus.send(new ConverseCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0' }));` },
    { name: 'a command class named like the runtime\'s in a file that loads another package lazily', code: `export async function run(bus: { send(c: unknown): Promise<unknown> }) {\n  const { ConverseCommand } = await import('./commands');\n  return bus.send(new ConverseCommand({ modelId: 'x' }));\n}` },
    { name: 'a command built but not sent; a websocket send', code: `import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nexport const cmd = new ConverseCommand({ modelId: 'x', messages: [] });\nsocket.send(JSON.stringify({ modelId: 'x' }));` },
  ],
  invalid: [
    {
      name: 'the runtime package loaded only when used (an optional dependency): commands taken from what a method returns',
      code: `type BedrockRuntimeModule = typeof import('@aws-sdk/client-bedrock-runtime');
export class BedrockLLM {
  private sdk?: BedrockRuntimeModule;
  constructor(private model = 'anthropic.claude-3-5-haiku-20241022-v1:0') {}
  private async getSDK(): Promise<BedrockRuntimeModule> {
    return (this.sdk ??= await import('@aws-sdk/client-bedrock-runtime'));
  }
  private async getClient() {
    const sdk = await this.getSDK();
    return { sdk, client: new sdk.BedrockRuntimeClient({}) };
  }
  async chat(question: string) {
    const [{ ConverseCommand }, { client }] = await Promise.all([this.getSDK(), this.getClient()]);
    return client.send(new ConverseCommand({ modelId: this.model, messages: [{ role: 'user', content: [{ text: question }] }] }));
  }
  async embed(text: string) {
    const { sdk, client } = await this.getClient();
    return client.send(new sdk.InvokeModelCommand({ modelId: 'amazon.titan-embed-text-v2:0', contentType: 'application/json', body: JSON.stringify({ inputText: text }) }));
  }
}`,
      calls: [
        { line: 14, method: 'send(ConverseCommand)', provider: 'aws-bedrock', endpoint: 'chat' },
        { line: 18, method: 'send(InvokeModelCommand)', provider: 'aws-bedrock', endpoint: 'embedding', model: 'amazon.titan-embed-text-v2:0' },
      ],
    },
    {
      name: 'knowledge-base retrieval embeds the query with the knowledge base\'s own embedding model (not named in code): sent, through a command constant, and on the aggregated client',
      code: `import { BedrockAgentRuntime, BedrockAgentRuntimeClient, RetrieveCommand, type RetrieveCommandInput } from '@aws-sdk/client-bedrock-agent-runtime';
const kbClient = new BedrockAgentRuntimeClient({ region: 'us-east-1' });
const aggregated = new BedrockAgentRuntime({});
export async function findPassages(question: string, knowledgeBaseId: string) {
  const request: RetrieveCommandInput = { knowledgeBaseId, retrievalQuery: { text: question }, retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults: 4 } } };
  const command = new RetrieveCommand(request);
  const found = await kbClient.send(command);
  await aggregated.retrieve({ knowledgeBaseId: 'KB2', retrievalQuery: { text: 'refund policy' } });
  return found;
}`,
      calls: [
        { line: 7, method: 'send(RetrieveCommand)', provider: 'aws-bedrock', endpoint: 'embedding', model: null, features: { streaming: false }, promptIncludes: ['{{question}}'], evidenceIncludes: ["embedded with the knowledge base's embedding model, which is configured in AWS"] },
        { line: 8, method: 'retrieve', endpoint: 'embedding', model: null, promptIncludes: ['refund policy'] },
      ],
    },
    {
      name: 'Agent Runtime: agent, knowledge-base RAG (model from the ARN), streaming RAG, flow and prompt optimization',
      code: `import { BedrockAgentRuntimeClient, InvokeAgentCommand, RetrieveAndGenerateCommand, RetrieveAndGenerateStreamCommand, InvokeFlowCommand, OptimizePromptCommand } from '@aws-sdk/client-bedrock-agent-runtime';
const agents = new BedrockAgentRuntimeClient({ region: 'us-east-1' });
const MODEL_ARN = 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0';
export async function run(question: string, sessionId: string) {
  await agents.send(new InvokeAgentCommand({ agentId: 'AGENT1', agentAliasId: 'ALIAS1', sessionId, inputText: question }));
  await agents.send(new RetrieveAndGenerateCommand({ input: { text: question }, retrieveAndGenerateConfiguration: { type: 'KNOWLEDGE_BASE', knowledgeBaseConfiguration: { knowledgeBaseId: 'KB1', modelArn: MODEL_ARN } } }));
  await agents.send(new RetrieveAndGenerateStreamCommand({ input: { text: question }, retrieveAndGenerateConfiguration: { type: 'KNOWLEDGE_BASE', knowledgeBaseConfiguration: { knowledgeBaseId: 'KB1', modelArn: 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0' } } }));
  await agents.send(new InvokeFlowCommand({ flowIdentifier: 'FLOW1', flowAliasIdentifier: 'A1', inputs: [{ nodeName: 'FlowInputNode', nodeOutputName: 'document', content: { document: question } }] }));
  return agents.send(new OptimizePromptCommand({ input: { textPrompt: { text: 'Summarize {{doc}}' } }, targetModelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0' }));
}`,
      calls: [
        { line: 5, method: 'send(InvokeAgentCommand)', provider: 'aws-bedrock', endpoint: 'chat', model: null, features: { streaming: true }, promptIncludes: ['{{question}}'] },
        { line: 6, method: 'send(RetrieveAndGenerateCommand)', model: 'anthropic.claude-3-haiku-20240307-v1:0', holeKinds: ['interpolation', 'rag-context'] },
        { line: 7, method: 'send(RetrieveAndGenerateStreamCommand)', model: 'us.amazon.nova-lite-v1:0', features: { streaming: true } },
        { line: 8, method: 'send(InvokeFlowCommand)', model: null, promptIncludes: ['{{question}}'] },
        { line: 9, method: 'send(OptimizePromptCommand)', model: 'anthropic.claude-3-5-sonnet-20240620-v1:0', promptIncludes: ['Summarize'] },
      ],
    },
    {
      name: 'Agent Runtime aggregated client; runtime StartAsyncInvoke (video) and the bidirectional stream (speech)',
      code: `import { BedrockAgentRuntime } from '@aws-sdk/client-bedrock-agent-runtime';
import { BedrockRuntimeClient, StartAsyncInvokeCommand, InvokeModelWithBidirectionalStreamCommand } from '@aws-sdk/client-bedrock-runtime';
const agentRuntime = new BedrockAgentRuntime({});
const runtime = new BedrockRuntimeClient({});
agentRuntime.invokeAgent({ agentId: 'A', agentAliasId: 'B', sessionId: 's', inputText: 'hi' });
runtime.send(new StartAsyncInvokeCommand({ modelId: 'amazon.nova-reel-v1:1', modelInput: { taskType: 'TEXT_VIDEO', textToVideoParams: { text: 'a drone shot of a beach' } }, outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://bucket' } } }));
runtime.send(new InvokeModelWithBidirectionalStreamCommand({ modelId: 'amazon.nova-sonic-v1:0', body: events() }));`,
      calls: [
        { line: 5, method: 'invokeAgent', provider: 'aws-bedrock', model: null },
        { line: 6, method: 'send(StartAsyncInvokeCommand)', endpoint: 'other', model: 'amazon.nova-reel-v1:1' },
        { line: 7, method: 'send(InvokeModelWithBidirectionalStreamCommand)', endpoint: 'chat', model: 'amazon.nova-sonic-v1:0', features: { streaming: true } },
      ],
    },
    {
      name: 'Converse with system, messages, inference config and tools',
      code: `import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
const client = new BedrockRuntimeClient({ region: 'us-east-1' });
export async function summarize(report: string) {
  const response = await client.send(new ConverseCommand({
    modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
    system: [{ text: 'Summarize incident reports in three bullet points.' }],
    messages: [{ role: 'user', content: [{ text: report }] }],
    inferenceConfig: { maxTokens: 400, temperature: 0.2 },
    toolConfig: { tools: [{ toolSpec: { name: 'file_ticket', inputSchema: { json: {} } } }] },
  }));
  return response.output;
}`,
      calls: [{ line: 4, column: 26, method: 'send(ConverseCommand)', provider: 'aws-bedrock', endpoint: 'chat', model: 'anthropic.claude-3-5-haiku-20241022-v1:0', modelSource: 'literal', maxOutputTokens: 400, features: { tools: true, streaming: false }, toolNames: ['file_ticket'], promptIncludes: ['Summarize incident reports', '{{report}}'] }],
    },
    {
      name: 'a command held in a variable, model id from another module, streaming, image block',
      files: { 'src/config.ts': `export const MODEL_ID = process.env.BEDROCK_MODEL ?? 'us.amazon.nova-lite-v1:0';\n` },
      code: `import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { MODEL_ID } from './config';
const bedrock = new BedrockRuntimeClient({});
const command = new ConverseStreamCommand({ modelId: MODEL_ID, messages: [{ role: 'user', content: [{ image: { format: 'png', source: { bytes } } }, { text: 'Read the label' }] }] });
const stream = await bedrock.send(command);`,
      calls: [{ line: 5, method: 'send(ConverseStreamCommand)', model: 'us.amazon.nova-lite-v1:0', modelSource: 'env-default', features: { streaming: true, vision: true }, promptIncludes: ['Read the label'] }],
    },
    {
      name: 'InvokeModel with an Anthropic body in JSON.stringify, and a Titan embedding',
      code: `import { BedrockRuntimeClient, InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
const client = new BedrockRuntimeClient({ region: 'eu-west-1' });
await client.send(new InvokeModelCommand({
  modelId: 'anthropic.claude-3-sonnet-20240229-v1:0',
  contentType: 'application/json',
  body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 512, system: 'You are a lawyer.', messages: [{ role: 'user', content: question }] }),
}));
await client.send(new InvokeModelCommand({ modelId: 'amazon.titan-embed-text-v2:0', body: JSON.stringify({ inputText: chunk }) }));
await client.send(new InvokeModelWithResponseStreamCommand({ modelId: 'meta.llama3-70b-instruct-v1:0', body: JSON.stringify({ prompt: \`<|begin_of_text|>\${q}\`, max_gen_len: 256 }) }));`,
      calls: [
        { line: 3, method: 'send(InvokeModelCommand)', endpoint: 'chat', model: 'anthropic.claude-3-sonnet-20240229-v1:0', maxOutputTokens: 512, promptIncludes: ['You are a lawyer.', '{{question}}'] },
        { line: 8, endpoint: 'embedding', model: 'amazon.titan-embed-text-v2:0' },
        { line: 9, method: 'send(InvokeModelWithResponseStreamCommand)', model: 'meta.llama3-70b-instruct-v1:0', maxOutputTokens: 256, features: { streaming: true } },
      ],
    },
    {
      name: 'the aggregated BedrockRuntime client; an untraced client sending a Bedrock command',
      code: `import { BedrockRuntime, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
const runtime = new BedrockRuntime({ region: 'us-west-2' });
await runtime.converse({ modelId: 'mistral.mistral-large-2407-v1:0', messages: [] });
export const ask = (aws: any, modelId: string) => aws.bedrock.send(new ConverseCommand({ modelId, messages: [] }));`,
      calls: [
        { line: 3, method: 'converse', model: 'mistral.mistral-large-2407-v1:0' },
        { line: 4, method: 'send(ConverseCommand)', model: null, modelSource: 'dynamic' },
      ],
    },
  ],
});
