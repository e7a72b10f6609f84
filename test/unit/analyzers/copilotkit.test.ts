import { copilotKitAnalyzer } from '../../../src/analyzers/copilotkit';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('copilotkit analyzer', copilotKitAnalyzer, {
  valid: [
    { name: 'an adapter or a runtime built and not handed to an endpoint sends nothing', code: `import { CopilotRuntime, OpenAIAdapter } from '@copilotkit/runtime';\nexport const runtime = new CopilotRuntime();\nexport const adapter = new OpenAIAdapter({ model: 'gpt-4o-mini' });` },
    { name: 'a runtime given agents hands the chat to them: its service adapter serves no message', code: `import { CopilotRuntime, OpenAIAdapter, copilotRuntimeNextJSAppRouterEndpoint } from '@copilotkit/runtime';\nimport { agents } from './agents';\nconst runtime = new CopilotRuntime({ agents });\nexport const POST = (req: Request) => copilotRuntimeNextJSAppRouterEndpoint({ runtime, serviceAdapter: new OpenAIAdapter({ model: 'gpt-4.1' }), endpoint: '/api/copilotkit' }).handleRequest(req);`, files: { 'src/agents.ts': `export const agents = {};\n` } },
    { name: 'an endpoint function of another package', code: `import { copilotRuntimeNodeHttpEndpoint } from './copilot';\nexport const handler = copilotRuntimeNodeHttpEndpoint({ serviceAdapter: {} });`, files: { 'src/copilot.ts': `export const copilotRuntimeNodeHttpEndpoint = (options: unknown) => options;\n` } },
  ],
  invalid: [
    {
      name: "an adapter handed to the runtime's endpoint: its model, else the class's default; the older response() API",
      code: `import { CopilotRuntime, OpenAIAdapter, AnthropicAdapter, copilotRuntimeNextJSAppRouterEndpoint, copilotRuntimeNodeHttpEndpoint } from '@copilotkit/runtime';
const runtime = new CopilotRuntime();
const serviceAdapter = new OpenAIAdapter({ model: 'gpt-4o-mini' });
export const POST = (req: Request) => copilotRuntimeNextJSAppRouterEndpoint({ runtime, serviceAdapter, endpoint: '/api/copilotkit' }).handleRequest(req);
export const node = copilotRuntimeNodeHttpEndpoint({ endpoint: '/copilot', runtime, serviceAdapter: new AnthropicAdapter() });
export const legacy = (req: Request) => runtime.response(req, new OpenAIAdapter());`,
      calls: [
        { line: 4, method: 'copilotRuntimeNextJSAppRouterEndpoint', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini', features: { streaming: true, tools: true } },
        { line: 5, method: 'copilotRuntimeNodeHttpEndpoint', provider: 'anthropic', model: 'claude-opus-4-8', modelSource: 'default-param' },
        { line: 6, method: 'response', provider: 'openai', model: 'gpt-4o', modelSource: 'default-param' },
      ],
    },
  ],
});
