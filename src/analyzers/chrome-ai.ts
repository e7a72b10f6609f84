import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint } from '../model/types';
import { IN_PROCESS_PROVIDER } from '../model/vocabulary';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolveMessages, resolvePromptText } from './shared/prompt';
import { findDeclaration, getObjectProperty, placeOf, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { eachCall, traceValue } from './shared/sdk';

/**
 * Chrome's built-in AI (developer.chrome.com/docs/ai/built-in-apis): Chrome downloads Gemini Nano and runs it on the
 * end user's device. Globals, no package: a session made with `LanguageModel.create(options)` (earlier Chrome:
 * `window.ai.languageModel.create`, `ai.assistant.create`, `ai.createTextSession`) answers `session.prompt(input)` and
 * `session.promptStreaming(input)`; the task APIs' objects (`Summarizer.create()`, `Writer`, `Rewriter`, `Proofreader`)
 * answer `summarize`, `write`, `rewrite` and `proofread` (and the `...Streaming` forms), on the same model. The
 * Translator and Language Detector APIs run small expert models instead, not a language model: not reported.
 * Reported with provider `local` (no API behind it); the advisor says who pays (on-device-runtimes.json).
 */
const GEMINI_NANO = 'gemini-nano';

/** The object each factory makes, by the factory's path with any `window.` / `self.` / `globalThis.` dropped. */
const FACTORIES: Readonly<Record<string, string>> = {
  'LanguageModel.create': 'LanguageModel',
  'ai.languageModel.create': 'LanguageModel',
  'ai.assistant.create': 'LanguageModel',
  'ai.createTextSession': 'LanguageModel',
  'ai.createGenericSession': 'LanguageModel',
  'Summarizer.create': 'Summarizer',
  'ai.summarizer.create': 'Summarizer',
  'Writer.create': 'Writer',
  'ai.writer.create': 'Writer',
  'Rewriter.create': 'Rewriter',
  'ai.rewriter.create': 'Rewriter',
  'Proofreader.create': 'Proofreader',
};

/** The requests each object answers: the method, what it is, and whether it streams. */
const METHODS: Readonly<Record<string, { object: string; endpoint: Endpoint; streaming: boolean }>> = {
  prompt: { object: 'LanguageModel', endpoint: 'chat', streaming: false },
  promptStreaming: { object: 'LanguageModel', endpoint: 'chat', streaming: true },
  summarize: { object: 'Summarizer', endpoint: 'completion', streaming: false },
  summarizeStreaming: { object: 'Summarizer', endpoint: 'completion', streaming: true },
  write: { object: 'Writer', endpoint: 'completion', streaming: false },
  writeStreaming: { object: 'Writer', endpoint: 'completion', streaming: true },
  rewrite: { object: 'Rewriter', endpoint: 'completion', streaming: false },
  rewriteStreaming: { object: 'Rewriter', endpoint: 'completion', streaming: true },
  proofread: { object: 'Proofreader', endpoint: 'completion', streaming: false },
};

/** The options of `create` that carry the instructions the model gets with every request. */
const INSTRUCTION_OPTIONS: Readonly<Record<string, string>> = { LanguageModel: 'systemPrompt', Summarizer: 'sharedContext', Writer: 'sharedContext', Rewriter: 'sharedContext' };

const GLOBAL_OBJECT = /^(?:(?:window|self|globalThis)\.)+/;

/** How far a factory's path is followed through local names (`const ai = (window as any).ai`). */
const MAX_PATH_STEPS = 4;

export const chromeAiAnalyzer: Analyzer = {
  id: 'chrome-ai',
  // No package: the APIs are globals, typed by @types/dom-chromium-ai.
  packages: ['@types/dom-chromium-ai', ...new Set(Object.values(FACTORIES))],
  analyze: eachCall(analyzeCall, (name) => Object.hasOwn(METHODS, name)),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || !Object.hasOwn(METHODS, callee.getName())) return undefined;
  const method = METHODS[callee.getName()];
  const made = madeBy(traceValue(callee.getExpression(), context.modules), method.object, context);
  if (!made) return undefined;
  const { created, factory } = made;
  const options = resolveObjectLiteral(created.getArguments()[0], context.modules);
  const instructionsOption = Object.hasOwn(INSTRUCTION_OPTIONS, method.object) ? INSTRUCTION_OPTIONS[method.object] : undefined;
  const instructions = instructionsOption === undefined ? undefined : getObjectProperty(options, instructionsOption, context.modules);
  // The Prompt API's current form of the instructions: `initialPrompts: [{ role: 'system', content }]` (before, `systemPrompt`).
  const initialPrompts = method.object === 'LanguageModel' ? getObjectProperty(options, 'initialPrompts', context.modules) : undefined;
  const input = call.getArguments()[0];
  // A prompt is a string, or a list of messages (`session.prompt([{ role: 'user', content }])`).
  const inputMessages = input && Node.isArrayLiteralExpression(unwrapExpression(input)) ? resolveMessages(input, context.modules).messages : input ? [{ role: 'user' as const, ...resolvePromptText(input, context.modules) }] : [];
  const messages = [
    ...(initialPrompts ? resolveMessages(initialPrompts, context.modules).messages : []),
    ...(instructions ? [{ role: 'system' as const, ...resolvePromptText(instructions, context.modules) }] : []),
    ...inputMessages,
  ];
  return toDetectedCall(call, context, {
    provider: IN_PROCESS_PROVIDER,
    sdk: chromeAiAnalyzer.id,
    method: `${method.object}.${callee.getName()}`,
    endpoint: method.endpoint,
    model: { id: GEMINI_NANO, raw: '', source: 'default-param' },
    messages,
    maxOutputTokens: null,
    features: { streaming: method.streaming, tools: false, vision: false, structuredOutput: false },
    toolNames: [],
    evidence: [
      `made by Chrome's built-in ${factory}() at ${placeOf(created)}`,
      `Chrome's built-in AI runs ${GEMINI_NANO}, the model Chrome downloads to the end user's device (no model id in the code)`,
    ],
  });
}

/**
 * The built-in factory call that made the object, when it makes one of `object`'s kind: the traced value itself, or a branch
 * of a conditional that picks the entry point by Chrome's version (`ai.languageModel ? ai.languageModel.create() : ai.createTextSession()`).
 */
function madeBy(value: Node, object: string, context: AnalyzerContext): { created: CallExpression; factory: string } | undefined {
  const node = unwrapExpression(value);
  if (Node.isConditionalExpression(node)) return madeBy(traceValue(node.getWhenTrue(), context.modules), object, context) ?? madeBy(traceValue(node.getWhenFalse(), context.modules), object, context);
  if (!Node.isCallExpression(node)) return undefined;
  const factory = globalPath(node.getExpression(), context, 0);
  return factory !== undefined && Object.hasOwn(FACTORIES, factory) && FACTORIES[factory] === object ? { created: node, factory } : undefined;
}

/**
 * The dotted path of a factory whose root is a global (`LanguageModel.create`, `window.ai.languageModel.create`), with
 * local names followed to their values (`const ai = (window as any).ai; ai.languageModel.create(...)`) and the global
 * object dropped. Undefined when the root is the app's own (an imported or declared `Summarizer` class).
 */
function globalPath(expression: Node, context: AnalyzerContext, steps: number): string | undefined {
  const node = unwrapExpression(expression);
  if (Node.isPropertyAccessExpression(node)) {
    const owner = globalPath(node.getExpression(), context, steps);
    return owner === undefined ? undefined : `${owner}.${node.getName()}`.replace(GLOBAL_OBJECT, '');
  }
  if (!Node.isIdentifier(node)) return undefined;
  const declaration = findDeclaration(node, context.modules);
  // `declare const Summarizer: ...` types the global for the compiler; it declares no value of the app's.
  if (!declaration || (Node.isVariableDeclaration(declaration) && declaration.getVariableStatement()?.hasDeclareKeyword())) return node.getText();
  if (!Node.isVariableDeclaration(declaration) || steps >= MAX_PATH_STEPS) return undefined;
  const initializer = declaration.getInitializer();
  return initializer ? globalPath(initializer, context, steps + 1) : undefined;
}
