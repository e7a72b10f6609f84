import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolvePromptText } from './shared/prompt';
import { findDeclaration, getObjectProperty, placeOf, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, madeByExport, readModel } from './shared/sdk';

/**
 * Braintrust's `autoevals`, LLM-as-a-judge scorers for evals: each call of a model-graded scorer (`await Factuality({
 * input, output, expected, model })`, the RAGAS ones such as `Faithfulness({ input, output, context })`) asks a chat
 * model to pick one of fixed choices through a forced `select_choice` tool, and a judge made with
 * `LLMClassifierFromTemplate({ promptTemplate, choiceScores })` does the same each time it is called.
 * `EmbeddingSimilarity` and `AnswerSimilarity` embed the two texts; `Moderation` asks OpenAI's moderation endpoint.
 * The string, number, list and JSON scorers (`Levenshtein`, `ExactMatch`, `NumericDiff`, ...) call no model.
 * Without `model`, the package's default judge is used: `init({ defaultModel })` or its own (gpt-4o until March 2026,
 * gpt-5-mini since: it changed between versions, so none is assumed); the embedding default is text-embedding-ada-002.
 * Requests go through OpenAI's client, to Braintrust's AI proxy unless the app passes a client or a base URL.
 * (braintrustdata/autoevals, js/llm.ts, js/ragas.ts, js/string.ts, js/moderation.ts, js/oai.ts.)
 */
const PACKAGE = 'autoevals';

/** The model-graded scorers: each call is one chat request (the RAGAS ones may ask a few times; one is counted). */
const JUDGES: Readonly<Record<string, string>> = {
  Battle: 'compare two answers to the instructions and pick the better one',
  ClosedQA: 'judge whether the answer meets the criteria for the question',
  Humor: 'judge whether the text is funny',
  Factuality: 'compare the factual content of the answer with the expert answer and classify how they relate',
  Possible: 'judge whether the task is possible',
  Security: 'judge whether the text is malicious',
  Sql: 'judge whether two SQL queries are equivalent',
  Summary: 'compare two summaries of the text and pick the better one',
  Translation: 'judge whether the translation matches the expert translation',
  ContextEntityRecall: 'extract the entities of the context and of the expected answer to compare them',
  ContextRelevancy: 'extract the sentences of the context relevant to the question',
  ContextRecall: 'classify whether each sentence of the answer can be attributed to the context',
  ContextPrecision: 'judge whether the context was useful in arriving at the answer',
  Faithfulness: 'judge whether each statement of the answer can be inferred from the context',
  AnswerRelevancy: 'generate the question the answer answers, to compare it with the question asked',
  AnswerCorrectness: 'classify the statements of the answer against the ground truth as true or false positives',
};

/** The scorers that embed the two texts and compare them. */
const EMBEDDERS = new Set(['EmbeddingSimilarity', 'AnswerSimilarity']);

/** The factories of a judge of the app's own: each call of the function they make is one chat request. */
const JUDGE_FACTORIES = new Set(['LLMClassifierFromTemplate', 'LLMClassifierFromSpec', 'LLMClassifierFromSpecFile']);

const EMBEDDING_DEFAULT = 'text-embedding-ada-002';

export const autoevalsAnalyzer: Analyzer = {
  id: 'autoevals',
  packages: [PACKAGE],
  analyze(context) {
    // A judge made by a factory is called by whatever name the app gives it: only files importing autoevals are searched.
    const anyName = context.sourceFile.getFullText().includes(PACKAGE);
    return eachCall(scorerCall, anyName ? undefined : (name) => Object.hasOwn(JUDGES, name) || EMBEDDERS.has(name) || name === 'Moderation')(context);
  },
};

function scorerCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  const binding = calleeBinding(callee, context.modules);
  if (binding && binding.packageName === PACKAGE) return builtInScorer(call, binding.importedName, context);
  return madeJudgeCall(call, callee, context);
}

/** `Factuality({ input, output, expected, model })`, `EmbeddingSimilarity({ output, expected })`, `Moderation({ output })`. */
function builtInScorer(call: CallExpression, scorer: string, context: AnalyzerContext): DetectedCall | undefined {
  const args = resolveObjectLiteral(call.getArguments()[0], context.modules);
  if (Object.hasOwn(JUDGES, scorer)) {
    return judgeRequest(call, context, { method: scorer, args, instructions: JUDGES[scorer], evidence: [`${scorer}() from autoevals grades with a chat model (a forced select_choice tool call)`] });
  }
  if (EMBEDDERS.has(scorer)) return embeddingRequest(call, context, scorer, args);
  if (scorer === 'Moderation') {
    return report(call, context, {
      method: scorer,
      endpoint: 'other',
      model: { id: null, raw: '', source: 'dynamic' },
      messages: textMessages(args, ['output'], context),
      structured: false,
      evidence: ["Moderation() from autoevals asks OpenAI's moderation endpoint about the output (no model given: the endpoint's default)"],
    });
  }
  return undefined;
}

/** `await judge({ output, expected })`, `judge` made by `LLMClassifierFromTemplate({ promptTemplate, choiceScores, model })`. */
function madeJudgeCall(call: CallExpression, callee: Node, context: AnalyzerContext): DetectedCall | undefined {
  if (!Node.isIdentifier(callee)) return undefined;
  const declaration = findDeclaration(callee, context.modules);
  if (!declaration || !Node.isVariableDeclaration(declaration)) return undefined;
  const judge = madeByExport(callee, 'call', context.modules, (binding) => binding.packageName === PACKAGE && JUDGE_FACTORIES.has(binding.importedName));
  if (!judge || judge.made === call) return undefined;
  const { made, binding: factory } = judge;
  const spec = resolveObjectLiteral(made.getArguments()[0], context.modules);
  const template = getObjectProperty(spec, 'promptTemplate', context.modules) ?? getObjectProperty(spec, 'prompt', context.modules);
  const args = resolveObjectLiteral(call.getArguments()[0], context.modules);
  return judgeRequest(call, context, {
    method: factory.importedName,
    args: getObjectProperty(args, 'model', context.modules) ? args : spec,
    template,
    instructions: 'classify the output by the app\u2019s own grading prompt',
    evidence: [`calls the judge made by ${factory.importedName}() from autoevals (${placeOf(made)}): a chat request with a forced select_choice tool call`],
  });
}

function judgeRequest(call: CallExpression, context: AnalyzerContext, judge: { method: string; args: Node | undefined; template?: Node; instructions: string; evidence: string[] }): DetectedCall {
  const modelNode = getObjectProperty(judge.args, 'model', context.modules);
  const read = readModel(modelNode, context.modules);
  const messages: PromptMessage[] = judge.template
    ? [{ role: 'user', ...resolvePromptText(judge.template, context.modules) }]
    : [{ role: 'system', text: `Grade: ${judge.instructions}.`, holes: [] }, ...textMessages(judge.args, ['input', 'output', 'expected', 'context'], context)];
  return report(call, context, {
    method: judge.method,
    endpoint: 'chat',
    model: read.ref,
    messages,
    structured: true,
    evidence: [...judge.evidence, ...(modelNode ? read.evidence : ["no model given: autoevals' default judge model (init({ defaultModel }), else the package's own, which changed between versions)"])],
  });
}

function embeddingRequest(call: CallExpression, context: AnalyzerContext, scorer: string, args: Node | undefined): DetectedCall {
  const modelNode = getObjectProperty(args, scorer === 'AnswerSimilarity' ? 'embeddingModel' : 'model', context.modules);
  const read = modelNode ? readModel(modelNode, context.modules) : { ref: { id: EMBEDDING_DEFAULT, raw: EMBEDDING_DEFAULT, source: 'default-param' as const }, evidence: [`no model given: autoevals' default embedding model, ${EMBEDDING_DEFAULT}`] };
  return report(call, context, {
    method: scorer,
    endpoint: 'embedding',
    model: read.ref,
    messages: textMessages(args, ['output', 'expected'], context),
    structured: false,
    evidence: [`${scorer}() from autoevals embeds the output and the expected text to compare them`, ...read.evidence],
  });
}

/** The scorer's text arguments, as the parts of the prompt the judge reads. */
function textMessages(args: Node | undefined, fields: string[], context: AnalyzerContext): PromptMessage[] {
  return fields.flatMap((field) => {
    const value = getObjectProperty(args, field, context.modules);
    return value ? [{ role: 'user' as const, ...resolvePromptText(value, context.modules) }] : [];
  });
}

function report(call: CallExpression, context: AnalyzerContext, draft: { method: string; endpoint: Endpoint; model: DetectedCall['model']; messages: PromptMessage[]; structured: boolean; evidence: string[] }): DetectedCall {
  return toDetectedCall(call, context, {
    provider: 'openai',
    sdk: 'autoevals',
    method: draft.method,
    endpoint: draft.endpoint,
    model: draft.model,
    messages: draft.messages,
    maxOutputTokens: null,
    features: { streaming: false, tools: false, vision: false, structuredOutput: draft.structured },
    toolNames: [],
    ...(draft.structured ? { forcedTool: 'select_choice', structuredOutputShape: 'labels' as const } : {}),
    evidence: [...draft.evidence, "sent with OpenAI's client, to Braintrust's AI proxy unless the app passes its own client or base URL"],
  });
}
