import { flueAnalyzer } from '../../../src/analyzers/flue';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('flue analyzer', flueAnalyzer, {
  valid: [
    { name: "reading a dispatched run's reply, and an app's own init/prompt/dispatch", code: `import { init } from '@flue/runtime';\nimport { agent as own } from './own';\nconst handle = init(own, { id: 'a' });\nexport const reply = (receipt: string) => handle.read(receipt);\nfunction dispatch(name: string, body: object) { return [name, body]; }\nexport const sent = dispatch('event', {});\nexport const asked = { prompt: (text: string) => text }.prompt('hi');` },
    { name: "a prompt() on something no init() of @flue/runtime made", code: `import { init } from './harness';\nexport async function run(agent: unknown) {\n  const harness = await init(agent);\n  const session = await harness.session();\n  return session.prompt('Review this diff');\n}` },
  ],
  invalid: [
    {
      name: "1.x: the session of the harness a workflow's init (handed in its FlueContext) starts, prompted; the agent's model and instructions read off the profile createAgent's initializer returns",
      files: {
        'src/agents/reviewer.ts': `import { createAgent } from '@flue/runtime';\nexport default createAgent(async ({ env }) => ({\n  model: env.REVIEW_MODEL ?? 'anthropic/claude-sonnet-4-6',\n  instructions: 'Review the pull request for bugs and exposed secrets.',\n  tools: [suggestChange],\n}));\ndeclare const suggestChange: object;\n`,
      },
      code: `import type { FlueContext } from '@flue/runtime';
import reviewer from './agents/reviewer';
export async function run({ init, payload }: FlueContext<{ diff: string }>) {
  const harness = await init(reviewer);
  const session = await harness.session();
  return session.prompt(\`Review this diff: \${payload.diff}\`);
}`,
      calls: [{ line: 6, method: 'session.prompt', provider: 'anthropic', endpoint: 'chat', model: 'claude-sonnet-4-6', promptIncludes: ['Review the pull request for bugs', 'Review this diff'], features: { tools: true, multiStep: true } }],
    },
    {
      name: "a channel's dispatch(agent, { id, input }) and 2.x's init(agent).dispatch(message), the agent a function an app factory returns that calls useModel",
      files: {
        'src/agents/mention.ts': `import { createAgent } from '@flue/runtime';\nexport default createAgent(() => ({ model: 'openai/gpt-5-mini', instructions: 'Answer the question asked in the comment.' }));\n`,
        'src/agents/synthesizer.ts': `import { useModel } from '@flue/runtime';\nconst MODEL = 'anthropic/claude-haiku-4-5';\nexport function createSynthesizer(label: string) {\n  function Synthesizer() {\n    useModel(MODEL, { thinkingLevel: 'off' });\n    return label;\n  }\n  return Synthesizer;\n}\n`,
      },
      code: `import { dispatch, init } from '@flue/runtime';
import mention from './agents/mention';
import { createSynthesizer } from './agents/synthesizer';
export async function onComment(issue: number, body: string) {
  await dispatch(mention, { id: \`issue-\${issue}\`, input: { type: 'github.mention', request: body } });
  const agent = init(createSynthesizer('feedback'), { id: 'one-shot' });
  return agent.dispatch(body);
}`,
      calls: [
        { line: 5, method: 'dispatch', provider: 'openai', model: 'gpt-5-mini', promptIncludes: ['Answer the question asked'] },
        { line: 7, method: 'agent.dispatch', provider: 'anthropic', model: 'claude-haiku-4-5' },
      ],
    },
    {
      name: 'an agent the workspace does not define: a run whose model is unknown, said so',
      code: `import { init } from '@flue/runtime';\nimport { external } from 'some-agents';\nexport const ask = (text: string) => init(external, { id: 'x' }).prompt(text);`,
      calls: [{ line: 3, method: 'agent.prompt', provider: 'unknown', model: null, evidenceIncludes: ['is no agent the workspace defines'] }],
    },
  ],
});
