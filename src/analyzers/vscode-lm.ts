import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { DetectedCall, ModelRef, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { findDeclaration, firstProperty, getObjectProperty, resolveObjectLiteral, resolveString, unwrapExpression } from './shared/resolve';
import { resolvePromptText, runTimeTurn } from './shared/prompt';
import { eachCall, fieldTypeBinding, importBindingOf, readModel, standsForPackageType, traceValue } from './shared/sdk';
import { declaredTypeOf } from './shared/shapes';

/**
 * VS Code's Language Model API (`vscode.lm`): an extension picks a chat model with `vscode.lm.selectChatModels({ vendor,
 * family })` and sends it a request with `model.sendRequest(messages, options, token)`. The model is served by the
 * provider the user's VS Code has (GitHub Copilot's models, `vendor: 'copilot'`), under the user's own subscription:
 * the extension pays no per-token API price, so the request is reported but not priced at an API's rates.
 */
const VSCODE_PACKAGE = 'vscode';

/** Who serves a model of the `copilot` vendor, the one VS Code ships models for (and the default when no vendor is given). */
const COPILOT_PROVIDER = 'github-copilot';

const WHY_UNPRICED = "served through VS Code's Language Model API under the user's own subscription (GitHub Copilot's models unless another vendor is selected): the extension pays no per-token API price";

export const vscodeLmAnalyzer: Analyzer = {
  id: 'vscode-lm',
  packages: [VSCODE_PACKAGE],
  analyze: eachCall(analyzeCall, (name) => name === 'sendRequest'),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'sendRequest') return undefined;
  const chatModel = chatModelOf(callee.getExpression(), context);
  if (!chatModel) return undefined;
  // `selectChatModels(selector)`: the one that picked this model, else the module's only one (a class caching its pick).
  const selection = chatModel.selection ?? onlySelectionIn(call, context);
  const selector = selection ? resolveObjectLiteral(selection.getArguments()[0], context.modules) : undefined;
  const evidence = [chatModel.evidence];
  if (selection) evidence.push(`model picked by vscode.lm.selectChatModels(${selection.getArguments()[0]?.getText().slice(0, 40) ?? ''}) at line ${selection.getStartLineNumber()}`);
  const vendorNode = getObjectProperty(selector, 'vendor', context.modules);
  const vendor = vendorNode ? resolveString(vendorNode, context.modules).value : null;
  const model = selectedModel(selector, selection, context, evidence);
  evidence.push(WHY_UNPRICED);

  const [messagesNode, optionsNode] = call.getArguments();
  const options = resolveObjectLiteral(optionsNode, context.modules);
  const tools = getObjectProperty(options, 'tools', context.modules) ?? toolsAssignedTo(optionsNode);
  return toDetectedCall(call, context, {
    provider: vendor && vendor !== 'copilot' ? vendor : COPILOT_PROVIDER,
    sdk: 'vscode-lm',
    method: 'LanguageModelChat.sendRequest',
    endpoint: 'chat',
    model,
    messages: messagesNode ? readMessages(messagesNode, context) : [],
    maxOutputTokens: null,
    // The response is a stream of parts (`response.stream`, `response.text`), read as it arrives.
    features: { streaming: true, tools: Boolean(tools), vision: false, structuredOutput: false },
    toolNames: [],
    evidence,
  });
}

/**
 * The receiver is a `LanguageModelChat`: an element of what `vscode.lm.selectChatModels` returned (`models[0]`,
 * `const [model] = await vscode.lm.selectChatModels(...)`), or a value declared with the type (a parameter, a field, a
 * variable, or what the method it comes from is declared to return: `Promise<vscode.LanguageModelChat>`).
 */
function chatModelOf(receiver: Node, context: AnalyzerContext): { evidence: string; selection?: CallExpression } | undefined {
  const selection = selectionOf(receiver, context);
  if (selection) return { evidence: 'sendRequest on a chat model from vscode.lm.selectChatModels (VS Code Language Model API)', selection };
  const typeNode = declaredTypeOf(receiver, context.modules);
  const isChatModel = (binding: { packageName: string; typeName: string }) => binding.packageName === VSCODE_PACKAGE && binding.typeName === 'LanguageModelChat';
  if (typeNode && standsForPackageType(typeNode, isChatModel, context.modules)) return { evidence: `sendRequest on \`${receiver.getText().slice(0, 40)}\`, a vscode.LanguageModelChat (VS Code Language Model API)` };
  const field = fieldTypeBinding(unwrapExpression(receiver), context.modules);
  if (field && isChatModel(field)) return { evidence: `sendRequest on \`${receiver.getText().slice(0, 40)}\`, a field typed vscode.LanguageModelChat (VS Code Language Model API)` };
  if (isChatRequestModel(receiver, context)) return { evidence: `sendRequest on \`${receiver.getText().slice(0, 40)}\`, the model the user picked in the Chat view for a chat participant's request (VS Code Chat API)` };
  return undefined;
}

/**
 * `request.model` of a chat participant's handler (`vscode.chat.createChatParticipant(id, async (request, context,
 * stream, token) => ...)`, or a `request: vscode.ChatRequest`): the model the user picked in the Chat view.
 */
function isChatRequestModel(receiver: Node, context: AnalyzerContext): boolean {
  const access = unwrapExpression(receiver);
  if (!Node.isPropertyAccessExpression(access) || access.getName() !== 'model') return false;
  const request = unwrapExpression(access.getExpression());
  const parameter = Node.isIdentifier(request) ? findDeclaration(request, context.modules) : undefined;
  if (!parameter || !Node.isParameterDeclaration(parameter)) return false;
  const typeNode = parameter.getTypeNode();
  if (typeNode) return standsForPackageType(typeNode, (binding) => binding.packageName === VSCODE_PACKAGE && binding.typeName === 'ChatRequest', context.modules);
  // Untyped: the first parameter of the handler given to createChatParticipant.
  const handler = parameter.getParent();
  const registration = handler?.getParent();
  if (!handler || !(Node.isArrowFunction(handler) || Node.isFunctionExpression(handler)) || handler.getParameters()[0] !== parameter || !registration || !Node.isCallExpression(registration) || registration.getArguments()[1] !== handler) return false;
  const callee = unwrapExpression(registration.getExpression());
  const root = Node.isPropertyAccessExpression(callee) && callee.getName() === 'createChatParticipant' ? unwrapExpression(callee.getExpression()) : undefined;
  const owner = root && Node.isPropertyAccessExpression(root) && root.getName() === 'chat' ? unwrapExpression(root.getExpression()) : root;
  return owner !== undefined && Node.isIdentifier(owner) && importBindingOf(owner, context.modules)?.packageName === VSCODE_PACKAGE;
}

/** The `vscode.lm.selectChatModels(...)` call a model value is taken from, if it is one. */
function selectionOf(receiver: Node, context: AnalyzerContext): CallExpression | undefined {
  let value = unwrapExpression(receiver);
  // `const [model] = await vscode.lm.selectChatModels(...)`: the array pattern's element.
  const declaration = Node.isIdentifier(value) ? findDeclaration(value, context.modules) : undefined;
  if (declaration && Node.isBindingElement(declaration) && Node.isArrayBindingPattern(declaration.getParent())) {
    const holder = declaration.getParent()?.getParent();
    const initializer = holder && Node.isVariableDeclaration(holder) ? holder.getInitializer() : undefined;
    if (initializer) value = initializer;
  } else {
    value = traceValue(value, context.modules);
  }
  return selectedFrom(value, context, 0);
}

/** Ways an extension takes one model of the list: `models[0]`, `models.at(0)`, `models.find((m) => m.id === id) || models[0]`. */
const ELEMENT_METHODS = new Set(['find', 'findLast', 'at']);
/** Fallbacks read through (`a || b ?? c`): a model picked by more is not followed. */
const MAX_FALLBACKS = 3;

/** The `selectChatModels(...)` call a value is an element of (or the call itself), through the ways of taking one. */
function selectedFrom(expression: Node, context: AnalyzerContext, depth: number): CallExpression | undefined {
  if (depth > MAX_FALLBACKS) return undefined;
  const value = unwrapExpression(expression);
  if (Node.isBinaryExpression(value) && [SyntaxKind.BarBarToken, SyntaxKind.QuestionQuestionToken].includes(value.getOperatorToken().getKind())) {
    return selectedFrom(value.getLeft(), context, depth + 1) ?? selectedFrom(value.getRight(), context, depth + 1);
  }
  let list: Node | undefined;
  if (Node.isElementAccessExpression(value)) list = value.getExpression();
  const callee = Node.isCallExpression(value) ? unwrapExpression(value.getExpression()) : undefined;
  if (callee && Node.isPropertyAccessExpression(callee) && ELEMENT_METHODS.has(callee.getName())) list = callee.getExpression();
  const selection = list ? unwrapExpression(traceValue(list, context.modules)) : value;
  return Node.isCallExpression(selection) && isSelectChatModels(selection, context) ? selection : undefined;
}

/** `vscode.lm.selectChatModels(...)` (or `lm.selectChatModels` with `lm` imported from the vscode module). */
function isSelectChatModels(call: CallExpression, context: AnalyzerContext): boolean {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'selectChatModels') return false;
  const lm = unwrapExpression(callee.getExpression());
  const root = Node.isPropertyAccessExpression(lm) && lm.getName() === 'lm' ? unwrapExpression(lm.getExpression()) : lm;
  const binding = Node.isIdentifier(root) ? importBindingOf(root, context.modules) : undefined;
  return binding?.packageName === VSCODE_PACKAGE;
}

/** The only `selectChatModels` call of the module, when there is exactly one. */
function onlySelectionIn(call: CallExpression, context: AnalyzerContext): CallExpression | undefined {
  const selections = call.getSourceFile().getDescendantsOfKind(SyntaxKind.CallExpression).filter((candidate) => isSelectChatModels(candidate, context));
  return selections.length === 1 ? selections[0] : undefined;
}

/**
 * The model a selector names by `id` or `family` (`{ vendor: 'copilot', family: 'gpt-4o' }`); else the user's: VS Code
 * offers the models of the user's subscription, and the selector (often from the extension's settings) picks one.
 */
function selectedModel(selector: Node | undefined, selection: CallExpression | undefined, context: AnalyzerContext, evidence: string[]): ModelRef {
  const named = firstProperty(selector, ['id', 'family'], context.modules);
  if (named) {
    const model = readModel(named, context.modules);
    evidence.push(...model.evidence);
    if (model.ref.id !== null) return model.ref;
  }
  evidence.push(selection ? 'the selector names no model family the code states: the model is the one the user has and picks' : 'no selectChatModels call in reach: the model is the one the user has and picks');
  return { id: null, raw: selection?.getArguments()[0]?.getText().slice(0, 60) ?? '', source: 'user-choice' };
}

/**
 * The messages: `[vscode.LanguageModelChatMessage.User(text), ...history]` as turns, anything else (a helper's list)
 * as turns built at run time.
 */
function readMessages(messages: Node, context: AnalyzerContext): PromptMessage[] {
  const list = unwrapExpression(messages);
  if (!Node.isArrayLiteralExpression(list)) {
    return [runTimeTurn(list.getText().slice(0, 60), 'message-array')];
  }
  return list.getElements().map((element): PromptMessage => {
    if (Node.isSpreadElement(element)) {
      const expression = `...${element.getExpression().getText().slice(0, 60)}`;
      return { role: 'user', text: `{{${expression}}}`, holes: [{ kind: 'history', expression }] };
    }
    const made = unwrapExpression(element);
    const factory = Node.isCallExpression(made) ? unwrapExpression(made.getExpression()) : undefined;
    const role = factory && Node.isPropertyAccessExpression(factory) ? factory.getName() : undefined;
    const text = Node.isCallExpression(made) ? made.getArguments()[0] : undefined;
    if ((role === 'User' || role === 'Assistant') && text) return { role: role === 'User' ? 'user' : 'assistant', ...resolvePromptText(text, context.modules) };
    const expression = element.getText().slice(0, 60);
    return { role: 'user', text: `{{${expression}}}`, holes: [{ kind: 'unknown', expression }] };
  });
}

/** `options.tools = ...` written to the request options after they are made (tools added only when there are some). */
function toolsAssignedTo(options: Node | undefined): Node | undefined {
  const name = options && unwrapExpression(options);
  if (!name || !Node.isIdentifier(name)) return undefined;
  const scope = name.getFirstAncestor((ancestor) => Node.isFunctionLikeDeclaration(ancestor)) ?? name.getSourceFile();
  return scope.getDescendantsOfKind(SyntaxKind.BinaryExpression).find((assignment) => {
    const target = assignment.getLeft();
    return assignment.getOperatorToken().getKind() === SyntaxKind.EqualsToken && Node.isPropertyAccessExpression(target) && target.getName() === 'tools' && target.getExpression().getText() === name.getText();
  });
}
