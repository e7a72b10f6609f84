import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolveClientOrigin } from './shared/clients';
import { resolveMessages, resolvePromptText } from './shared/prompt';
import { firstProperty, getObjectProperty, placeOf, resolveNumber, resolveObjectLiteral, resolveString, returnsOf, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, isTrueLiteral, readModel, traceValue } from './shared/sdk';
import { functionOf } from './shared/shapes';

/**
 * SageMaker runtime (`@aws-sdk/client-sagemaker-runtime`): `client.send(new InvokeEndpointCommand({ EndpointName, Body }))`
 * and its response-stream sibling, or the aggregated client's `invokeEndpoint(...)`. The endpoint is
 * a model the team deployed on its own SageMaker instances: provider `sagemaker`, self-hosted. Which
 * model runs behind it is configured in AWS; the request body names it only for some containers
 * (`model` in the OpenAI-style messages API of TGI/LMI), otherwise the model is unknown and the
 * endpoint name is kept as the raw text.
 */
const PACKAGE = '@aws-sdk/client-sagemaker-runtime';

const COMMANDS: Readonly<Record<string, { streaming: boolean; method: string }>> = {
  InvokeEndpointCommand: { streaming: false, method: 'invokeEndpoint' },
  InvokeEndpointWithResponseStreamCommand: { streaming: true, method: 'invokeEndpointWithResponseStream' },
  InvokeEndpointAsyncCommand: { streaming: false, method: 'invokeEndpointAsync' },
};

const AGGREGATED_METHODS = new Map(Object.entries(COMMANDS).map(([command, spec]) => [spec.method, command]));

export const sagemakerAnalyzer: Analyzer = {
  id: 'sagemaker',
  packages: [PACKAGE],
  analyze: eachCall(analyzeCall, (name) => name === 'send' || AGGREGATED_METHODS.has(name)),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const name = callee.getName();
  const evidence: string[] = [];
  let command: string;
  let input: Node | undefined;
  if (name === 'send') {
    const argument = call.getArguments()[0];
    const traced = argument && traceValue(argument, context.modules);
    // `toolkit.generateCommand(messages, options)`: the command the app's method makes and returns.
    const created = traced && Node.isCallExpression(traced) ? commandMadeBy(traced, context) : traced;
    if (!created || !Node.isNewExpression(created)) return undefined;
    const binding = calleeBinding(unwrapExpression(created.getExpression()), context.modules);
    if (!binding || binding.packageName !== PACKAGE || !Object.hasOwn(COMMANDS, binding.importedName)) return undefined;
    command = binding.importedName;
    input = created.getArguments()[0];
    const origin = resolveClientOrigin(callee.getExpression(), context.modules);
    if (origin && origin.packageName !== PACKAGE) return undefined;
    evidence.push(`${command} from '${PACKAGE}' at ${placeOf(created)}`);
  } else {
    const origin = resolveClientOrigin(callee.getExpression(), context.modules);
    if (!origin || origin.packageName !== PACKAGE || origin.className !== 'SageMakerRuntime') return undefined;
    command = AGGREGATED_METHODS.get(name)!;
    input = call.getArguments()[0];
    evidence.push(...origin.evidence);
  }
  const spec = COMMANDS[command];
  const params = resolveObjectLiteral(input, context.modules);
  if (!params && input) evidence.push(`command input \`${input.getText().slice(0, 60)}\` not statically known`);
  const endpointNameNode = getObjectProperty(params, 'EndpointName', context.modules);
  const endpointName = endpointNameNode ? (resolveString(endpointNameNode, context.modules).value ?? endpointNameNode.getText()) : '(unknown)';
  evidence.push(`SageMaker endpoint ${endpointName}: a model deployed on the team's own SageMaker instances (self-hosted, billed per instance-hour)`);
  const body = bodyOf(params, context);
  const named = getObjectProperty(body, 'model', context.modules);
  // TGI's messages API takes any string and ignores it; `tgi` is its documented placeholder.
  const modelNode = named && resolveString(named, context.modules).value === 'tgi' ? undefined : named;
  const model = readModel(modelNode, context.modules);
  if (modelNode) evidence.push(...model.evidence);
  else evidence.push('the model behind the endpoint is configured in AWS, not in code');
  const ref = modelNode ? model.ref : { id: null, raw: endpointName, source: 'dynamic' as const };
  const parameters = getObjectProperty(body, 'parameters', context.modules);
  return toDetectedCall(call, context, {
    provider: 'sagemaker',
    sdk: 'sagemaker',
    method: name === 'send' ? `send(${command})` : name,
    endpoint: endpointOf(endpointName, body, context),
    model: ref,
    messages: readBody(body, context),
    maxOutputTokens: resolveNumber(firstProperty(parameters, ['max_new_tokens', 'max_tokens'], context.modules) ?? firstProperty(body, ['max_tokens', 'max_new_tokens'], context.modules), context.modules),
    features: { streaming: spec.streaming || isTrueLiteral(getObjectProperty(body, 'stream', context.modules)), tools: Boolean(getObjectProperty(body, 'tools', context.modules)), vision: false, structuredOutput: false },
    toolNames: [],
    evidence,
  });
}

/** `Body: JSON.stringify({...})` or `Buffer.from(JSON.stringify({...}))` / `new TextEncoder().encode(...)`. */
function bodyOf(params: Node | undefined, context: AnalyzerContext): Node | undefined {
  const body = getObjectProperty(params, 'Body', context.modules);
  let value = body && traceValue(body, context.modules);
  for (let hops = 0; value && Node.isCallExpression(value) && hops < 3; hops++) {
    const callee = value.getExpression().getText();
    if (/JSON\.stringify$/.test(callee)) return resolveObjectLiteral(value.getArguments()[0], context.modules);
    if (!/(?:Buffer\.from|\.encode)$/.test(callee) || !value.getArguments()[0]) return undefined;
    value = traceValue(value.getArguments()[0], context.modules);
  }
  return undefined;
}

/** Embedding containers take `inputs`/`text_inputs` and their endpoints usually say so; everything else generates text. */
function endpointOf(endpointName: string, body: Node | undefined, context: AnalyzerContext): Endpoint {
  if (/embed/i.test(endpointName) || getObjectProperty(body, 'text_inputs', context.modules)) return 'embedding';
  if (getObjectProperty(body, 'messages', context.modules)) return 'chat';
  return getObjectProperty(body, 'inputs', context.modules) || getObjectProperty(body, 'prompt', context.modules) ? 'completion' : 'chat';
}

function readBody(body: Node | undefined, context: AnalyzerContext): PromptMessage[] {
  if (!body) return [{ role: 'user', text: '{{Body}}', holes: [{ kind: 'message-array', expression: 'Body' }] }];
  const turns = getObjectProperty(body, 'messages', context.modules);
  if (turns) return resolveMessages(turns, context.modules).messages;
  const prompt = firstProperty(body, ['inputs', 'prompt', 'text_inputs', 'input'], context.modules);
  return prompt ? [{ role: 'user', ...resolvePromptText(prompt, context.modules) }] : [];
}

/** The first `new ...Command(input)` an app's function or method returns, if any: the command a call of it makes. */
function commandMadeBy(call: CallExpression, context: AnalyzerContext): Node | undefined {
  const fn = functionOf(call.getExpression(), context.modules);
  if (!fn) return undefined;
  return returnsOf(fn).map((value) => traceValue(value, context.modules)).find((value) => Node.isNewExpression(value));
}
