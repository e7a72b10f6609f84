import { autoevalsAnalyzer } from '../../../src/analyzers/autoevals';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('autoevals analyzer', autoevalsAnalyzer, {
  valid: [
    {
      name: 'the string and JSON scorers call no model; a scorer handed to an eval is not called here',
      code: `import { Levenshtein, ExactMatch, JSONDiff, Factuality } from 'autoevals';
export async function score(output: string, expected: string) {
  const scorers = [Factuality, Levenshtein];
  await Levenshtein({ output, expected });
  await ExactMatch({ output, expected });
  return [scorers, await JSONDiff({ output: {}, expected: {} })];
}`,
    },
    { name: "a function of the app's own named like a scorer", code: `function Factuality(args: { output: string }) { return args.output.length; }\nexport const score = Factuality({ output: 'x' });` },
  ],
  invalid: [
    {
      name: "a judge with the model the app sets (mongodb/chatbot's reference alignment), and one with the package's default",
      code: `import { Factuality, ClosedQA } from 'autoevals';
const JUDGE_MODEL = 'gpt-4.1';
export async function referenceAlignment(input: string, output: string, expected: string) {
  const factuality = await Factuality({ input, output, expected, model: JUDGE_MODEL });
  const criteria = await ClosedQA({ input, output, criteria: 'Is the answer polite?' });
  return [factuality, criteria];
}`,
      calls: [
        { line: 4, method: 'Factuality', provider: 'openai', endpoint: 'chat', model: 'gpt-4.1', features: { structuredOutput: true }, promptIncludes: ['{{input}}', 'factual content'] },
        { line: 5, method: 'ClosedQA', endpoint: 'chat', model: null, evidenceIncludes: ["autoevals' default judge model"] },
      ],
    },
    {
      name: 'RAGAS scorers with the options spread in (a namespace import), an embedding scorer with its default model',
      code: `import * as autoevals from 'autoevals';
const judge = { model: 'gpt-4o-mini', openAiApiKey: process.env.OPENAI_API_KEY };
export async function rag(input: string, output: string, context: string[]) {
  const faithful = await autoevals.Faithfulness({ input, output, context, ...judge });
  const similar = await autoevals.EmbeddingSimilarity({ output, expected: input });
  return [faithful, similar];
}`,
      calls: [
        { line: 4, method: 'Faithfulness', endpoint: 'chat', model: 'gpt-4o-mini' },
        { line: 5, method: 'EmbeddingSimilarity', endpoint: 'embedding', model: 'text-embedding-ada-002', evidenceIncludes: ["autoevals' default embedding model"] },
      ],
    },
    {
      name: "a judge of the app's own, made from a prompt template and called by its own name",
      code: `import { LLMClassifierFromTemplate } from 'autoevals';
const politeness = LLMClassifierFromTemplate({
  name: 'Politeness',
  promptTemplate: 'Is this reply polite? {{output}}',
  choiceScores: { Yes: 1, No: 0 },
  model: 'claude-3-5-haiku-20241022',
});
export async function grade(output: string) {
  return politeness({ output });
}`,
      calls: [{ line: 9, method: 'LLMClassifierFromTemplate', endpoint: 'chat', model: 'claude-3-5-haiku-20241022', promptIncludes: ['Is this reply polite?'] }],
    },
  ],
});
