import { codexSdkAnalyzer } from '../../../src/analyzers/codex-sdk';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('codex-sdk analyzer', codexSdkAnalyzer, {
  valid: [
    { name: "a run method of the app's own thread class", code: `class Thread { run(input: string) { return input; } }\nexport const out = new Thread().run('x');` },
    { name: 'starting a thread sends nothing until it runs', code: `import { Codex } from '@openai/codex-sdk';\nexport const thread = new Codex().startThread({ model: 'gpt-5.1-codex' });` },
  ],
  invalid: [
    {
      name: 'a turn run to completion on a started thread, and one streamed on a resumed thread (its model not in the code)',
      code: `import { Codex } from '@openai/codex-sdk';\nconst codex = new Codex();\nexport async function task(prompt: string, id: string) {\n  const thread = codex.startThread({ model: 'gpt-5.1-codex-mini', workingDirectory: '/repo' });\n  const turn = await thread.run(prompt);\n  const resumed = codex.resumeThread(id);\n  return [turn, await resumed.runStreamed('Continue.')];\n}`,
      calls: [
        { line: 5, method: 'thread.run', provider: 'openai', endpoint: 'chat', model: 'gpt-5.1-codex-mini', features: { tools: true, multiStep: true, streaming: false }, promptIncludes: ['{{prompt}}'] },
        { line: 7, method: 'thread.runStreamed', provider: 'openai', model: null, features: { streaming: true } },
      ],
    },
  ],
});
