import { sagemakerAnalyzer } from '../../../src/analyzers/sagemaker';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('sagemaker analyzer', sagemakerAnalyzer, {
  valid: [
    { name: 'the SageMaker control plane is not a model request', code: `import { SageMakerClient, DescribeEndpointCommand, ListEndpointsCommand } from '@aws-sdk/client-sagemaker';\nconst sm = new SageMakerClient({});\nsm.send(new DescribeEndpointCommand({ EndpointName: 'llm' }));\nsm.send(new ListEndpointsCommand({}));` },
    { name: 'a send of another AWS command', code: `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({});\ns3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: JSON.stringify({ inputs: 'x' }) }));` },
    { name: 'a local class named InvokeEndpointCommand', code: `class InvokeEndpointCommand { constructor(readonly input: unknown) {} }\nexport const run = (bus: { send(x: unknown): void }) => bus.send(new InvokeEndpointCommand({ EndpointName: 'x' }));` },
  ],
  invalid: [
    {
      name: "a command an app's toolkit method makes and returns (`toolkit.generateCommand(...)`), sent by the client",
      code: `import { SageMakerRuntimeClient, InvokeEndpointWithResponseStreamCommand } from '@aws-sdk/client-sagemaker-runtime';\nclass CompletionToolkit {\n  constructor(private endpointName: string) {}\n  generateCommand(prompt: string): InvokeEndpointWithResponseStreamCommand {\n    const payload = { inputs: prompt, parameters: { max_new_tokens: 256 }, stream: true };\n    return new InvokeEndpointWithResponseStreamCommand({ EndpointName: this.endpointName, Body: new TextEncoder().encode(JSON.stringify(payload)), ContentType: 'application/json' });\n  }\n}\nexport async function* complete(prompt: string) {\n  const client = new SageMakerRuntimeClient({ region: 'us-west-2' });\n  const toolkit = new CompletionToolkit('llama-endpoint');\n  const command = toolkit.generateCommand(prompt);\n  const response = await client.send(command);\n  yield response;\n}`,
      calls: [{ line: 13, method: 'send(InvokeEndpointWithResponseStreamCommand)', provider: 'sagemaker' }],
    },
    {
      name: 'InvokeEndpoint on a TGI endpoint: prompt and max_new_tokens from the body, model unknown',
      code: `import { SageMakerRuntimeClient, InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime';
const runtime = new SageMakerRuntimeClient({ region: 'eu-west-1' });
const ENDPOINT = 'llama-3-8b-instruct-tgi';
export async function complete(question: string) {
  const response = await runtime.send(new InvokeEndpointCommand({
    EndpointName: ENDPOINT,
    ContentType: 'application/json',
    Body: JSON.stringify({ inputs: \`<s>[INST] \${question} [/INST]\`, parameters: { max_new_tokens: 256 } }),
  }));
  return new TextDecoder().decode(response.Body);
}`,
      calls: [{ line: 5, method: 'send(InvokeEndpointCommand)', provider: 'sagemaker', endpoint: 'completion', model: null, maxOutputTokens: 256, promptIncludes: ['[INST] {{question}} [/INST]'] }],
    },
    {
      name: 'response stream with an OpenAI-style messages body naming the model; an embedding endpoint through the aggregated client',
      code: `import { SageMakerRuntimeClient, InvokeEndpointWithResponseStreamCommand, SageMakerRuntime } from '@aws-sdk/client-sagemaker-runtime';
const client = new SageMakerRuntimeClient({});
const body = { model: 'mistralai/Mistral-7B-Instruct-v0.3', messages: [{ role: 'system', content: 'Answer in French.' }, { role: 'user', content: 'Hello' }], max_tokens: 100, stream: true };
const command = new InvokeEndpointWithResponseStreamCommand({ EndpointName: 'chat-endpoint', Body: Buffer.from(JSON.stringify(body)) });
client.send(command);
new SageMakerRuntime({}).invokeEndpoint({ EndpointName: 'bge-embed-endpoint', Body: JSON.stringify({ text_inputs: ['doc'] }) });`,
      calls: [
        { line: 5, method: 'send(InvokeEndpointWithResponseStreamCommand)', endpoint: 'chat', model: 'mistralai/Mistral-7B-Instruct-v0.3', maxOutputTokens: 100, features: { streaming: true }, promptIncludes: ['Answer in French.', 'Hello'] },
        { line: 6, method: 'invokeEndpoint', endpoint: 'embedding', model: null },
      ],
    },
  ],
});
