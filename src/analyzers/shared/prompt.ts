import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { HoleKind, MessageRole, PromptHole, PromptMessage } from '../../model/types';
import type { ModuleLoader } from './modules';
import { findDeclaration, getObjectProperty, initializerOf, resolveString, unwrapExpression } from './resolve';

/** Cap on how much static prompt text we keep per message: token counting stays bounded on huge literals. */
const MAX_MESSAGE_CHARS = 400_000;
/** Cap on messages followed in one array: a 50,000-element literal is data, not a conversation. */
const MAX_MESSAGES = 200;
const MAX_DEPTH = 6;

/** Guesses what a run-time value holds from its name, so its token estimate can be sized sensibly. */
export function holeKindFromName(expression: string): HoleKind {
  const name = expression.toLowerCase();
  if (/context|docs?\b|documents?|chunks?|passages?|retriev|sources|snippets|knowledge|search ?results|hits/.test(name)) return 'rag-context';
  if (/history|conversation|previous|transcript|thread|chatlog|messages/.test(name)) return 'history';
  if (/file|content|source|code|diff|patch|body|html|markdown|article|text|page|document/.test(name)) return 'file-content';
  if (/image|img|photo|picture|screenshot/.test(name)) return 'image';
  return 'interpolation';
}

interface TextResult {
  text: string;
  holes: PromptHole[];
}

/** Reads a prompt expression into static text plus the holes filled at run time. */
export function resolvePromptText(expression: Node, modules: ModuleLoader, depth = 0): TextResult {
  const node = unwrapExpression(expression);
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return { text: node.getLiteralValue().slice(0, MAX_MESSAGE_CHARS), holes: [] };
  if (depth < MAX_DEPTH && Node.isTemplateExpression(node)) {
    let text = node.getHead().getLiteralText();
    const holes: PromptHole[] = [];
    for (const span of node.getTemplateSpans()) {
      const inner = resolvePromptText(span.getExpression(), modules, depth + 1);
      text += inner.text;
      holes.push(...inner.holes);
      text += span.getLiteral().getLiteralText();
      if (text.length > MAX_MESSAGE_CHARS) break;
    }
    return { text: text.slice(0, MAX_MESSAGE_CHARS), holes };
  }
  if (depth < MAX_DEPTH && Node.isBinaryExpression(node) && node.getOperatorToken().getText() === '+') {
    const left = resolvePromptText(node.getLeft(), modules, depth + 1);
    const right = resolvePromptText(node.getRight(), modules, depth + 1);
    return { text: (left.text + right.text).slice(0, MAX_MESSAGE_CHARS), holes: [...left.holes, ...right.holes] };
  }
  if (depth < MAX_DEPTH && (Node.isIdentifier(node) || Node.isPropertyAccessExpression(node))) {
    const resolved = resolveString(node, modules);
    if (resolved.value !== null) return { text: resolved.value.slice(0, MAX_MESSAGE_CHARS), holes: [] };
    if (Node.isIdentifier(node)) {
      const declaration = findDeclaration(node, modules);
      const initializer = declaration && initializerOf(declaration);
      if (initializer && !Node.isParameterDeclaration(declaration)) return resolvePromptText(initializer, modules, depth + 1);
    }
  }
  if (depth < MAX_DEPTH && Node.isCallExpression(node) && /\.join$/.test(node.getExpression().getText())) {
    const holeExpression = node.getText();
    return hole(holeExpression.length > 80 ? holeExpression.slice(0, 77) + '...' : holeExpression);
  }
  const text = node.getText();
  return hole(text.length > 80 ? text.slice(0, 77) + '...' : text);
}

function hole(expression: string): TextResult {
  return { text: `{{${expression}}}`, holes: [{ kind: holeKindFromName(expression), expression }] };
}

const ROLES = new Set<MessageRole>(['system', 'developer', 'user', 'assistant', 'tool']);

export interface MessagesResult {
  messages: PromptMessage[];
  hasImage: boolean;
}

/**
 * Reads an OpenAI-style `messages` value: an array literal of `{ role, content }` objects (content a
 * string or a list of parts), spreads of history arrays, or a variable holding any of those.
 */
export function resolveMessages(expression: Node | undefined, modules: ModuleLoader, depth = 0): MessagesResult {
  const result: MessagesResult = { messages: [], hasImage: false };
  if (!expression) return result;
  const node = unwrapExpression(expression);
  if (Node.isArrayLiteralExpression(node)) {
    for (const element of node.getElements().slice(0, MAX_MESSAGES)) {
      if (Node.isSpreadElement(element)) {
        const spread = element.getExpression();
        const inner = depth < MAX_DEPTH ? resolveMessages(spread, modules, depth + 1) : { messages: [], hasImage: false };
        if (inner.messages.length > 0) {
          result.messages.push(...inner.messages);
          result.hasImage ||= inner.hasImage;
        } else {
          const expressionText = spread.getText();
          result.messages.push({ role: 'user', text: `{{...${expressionText}}}`, holes: [{ kind: messageArrayHoleKind(expressionText), expression: `...${expressionText}` }] });
        }
        continue;
      }
      const message = readMessage(element, modules);
      if (message) {
        result.messages.push(message.message);
        result.hasImage ||= message.hasImage;
      }
    }
    return result;
  }
  if (depth < MAX_DEPTH && Node.isIdentifier(node)) {
    const declaration = findDeclaration(node, modules);
    const initializer = declaration && !Node.isParameterDeclaration(declaration) ? initializerOf(declaration) : undefined;
    if (declaration && initializer) {
      const inner = resolveMessages(initializer, modules, depth + 1);
      const pushes = pushesOf(node, declaration, modules);
      if (inner.messages.length > 0 || pushes.before.length > 0) {
        // `messages.push(...)` before the request builds it up: read those turns as if written in the literal.
        for (const push of pushes.before) {
          for (const argument of push.getArguments().slice(0, MAX_MESSAGES)) {
            const pushed = Node.isSpreadElement(argument) ? resolveMessages(argument.getExpression(), modules, depth + 1) : readMessage(argument, modules);
            if (!pushed) continue;
            if ('messages' in pushed) inner.messages.push(...pushed.messages);
            else inner.messages.push(pushed.message);
            inner.hasImage ||= pushed.hasImage;
          }
        }
        // Pushes after it (or elsewhere) add turns at run time, for a later request: mark them as a hole.
        if (pushes.later) inner.messages.push({ role: 'user', text: `{{${node.getText()}.push(...)}}`, holes: [{ kind: 'history', expression: `${node.getText()}.push(...)` }] });
        return inner;
      }
    }
  }
  const expressionText = node.getText().slice(0, 80);
  result.messages.push({ role: 'user', text: `{{${expressionText}}}`, holes: [{ kind: messageArrayHoleKind(expressionText), expression: expressionText }] });
  return result;
}

/**
 * `name.push(...)` calls on the array `declaration` names: those in the request's own function and
 * before it (in source order) build the request; any other push changes it at run time.
 */
function pushesOf(usage: Node, declaration: Node, modules: ModuleLoader): { before: CallExpression[]; later: boolean } {
  const name = usage.getText();
  if (!usage.getSourceFile().getFullText().includes(`${name}.push(`)) return { before: [], later: false };
  if (declaration.getSourceFile() !== usage.getSourceFile() || !Node.isVariableDeclaration(declaration)) return { before: [], later: true };
  const scope = enclosingFunction(declaration) ?? usage.getSourceFile();
  const requestFunction = enclosingFunction(usage);
  const before: CallExpression[] = [];
  let later = false;
  for (const call of scope.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'push' || callee.getExpression().getText() !== name) continue;
    if (findDeclaration(callee.getExpression(), modules) !== declaration) continue;
    const inRequestFunction = requestFunction === undefined || call.getFirstAncestor((ancestor) => ancestor === requestFunction) !== undefined;
    if (inRequestFunction && call.getStart() > declaration.getStart() && call.getStart() < usage.getStart()) before.push(call);
    else later = true;
  }
  return { before, later };
}

function enclosingFunction(node: Node): Node | undefined {
  return node.getFirstAncestor((ancestor) => Node.isFunctionLikeDeclaration(ancestor) || Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor));
}

/** A run-time list of messages: conversation history or retrieved context when its name says so. */
function messageArrayHoleKind(expressionText: string): HoleKind {
  const kind = holeKindFromName(expressionText);
  return kind === 'history' || kind === 'rag-context' ? kind : 'message-array';
}

function readMessage(element: Node, modules: ModuleLoader): { message: PromptMessage; hasImage: boolean } | undefined {
  const object = unwrapExpression(element);
  if (!Node.isObjectLiteralExpression(object)) {
    const expressionText = object.getText().slice(0, 80);
    return { message: { role: 'user', text: `{{${expressionText}}}`, holes: [{ kind: holeKindFromName(expressionText), expression: expressionText }] }, hasImage: false };
  }
  const roleNode = getObjectProperty(object, 'role');
  const roleValue = roleNode ? resolveString(roleNode, modules).value : null;
  const role: MessageRole = roleValue && ROLES.has(roleValue as MessageRole) ? (roleValue as MessageRole) : roleValue === 'model' ? 'assistant' : 'user';
  const content = getObjectProperty(object, 'content') ?? getObjectProperty(object, 'parts') ?? getObjectProperty(object, 'text');
  if (!content) return { message: { role, text: '', holes: [] }, hasImage: false };
  const parts = resolveContentParts(content, modules);
  return { message: { role, ...parts.text }, hasImage: parts.hasImage };
}

/** Reads message content: a string, or an array of text and image parts (OpenAI, Anthropic, Gemini shapes). */
export function resolveContentParts(content: Node, modules: ModuleLoader, depth = 0): { text: TextResult; hasImage: boolean } {
  const node = unwrapExpression(content);
  if (depth < MAX_DEPTH && Node.isConditionalExpression(node)) {
    // `image ? [imagePart, ...parts] : parts`: the branch with more static text stands for the call; an image in either branch counts.
    const whenTrue = resolveContentParts(node.getWhenTrue(), modules, depth + 1);
    const whenFalse = resolveContentParts(node.getWhenFalse(), modules, depth + 1);
    const chosen = whenTrue.text.text.length >= whenFalse.text.text.length ? whenTrue : whenFalse;
    return { text: chosen.text, hasImage: whenTrue.hasImage || whenFalse.hasImage };
  }
  if (depth < MAX_DEPTH && Node.isIdentifier(node)) {
    // A parts array built in a local constant: read its elements.
    const declaration = findDeclaration(node, modules);
    const initializer = declaration && !Node.isParameterDeclaration(declaration) ? initializerOf(declaration) : undefined;
    if (initializer && Node.isArrayLiteralExpression(unwrapExpression(initializer))) return resolveContentParts(initializer, modules, depth + 1);
  }
  if (!Node.isArrayLiteralExpression(node)) return { text: resolvePromptText(node, modules), hasImage: false };
  const text: TextResult = { text: '', holes: [] };
  let hasImage = false;
  for (const part of node.getElements().slice(0, MAX_MESSAGES)) {
    if (depth < MAX_DEPTH && Node.isSpreadElement(part)) {
      const inner = resolveContentParts(part.getExpression(), modules, depth + 1);
      if (inner.text.text) text.text += (text.text ? '\n' : '') + inner.text.text;
      text.holes.push(...inner.text.holes);
      hasImage ||= inner.hasImage || inner.text.holes.some((hole) => hole.kind === 'image') || (inner.text.holes.length > 0 && holeKindFromName(part.getExpression().getText()) === 'image');
      continue;
    }
    const partNode = unwrapExpression(part);
    if (!Node.isObjectLiteralExpression(partNode)) {
      const inner = resolvePromptText(partNode, modules);
      text.text += inner.text;
      text.holes.push(...inner.holes);
      // A part list holding `imagePart` or `...imageParts`: its name says it is an image.
      hasImage ||= inner.holes.some((hole) => hole.kind === 'image') || (inner.holes.length > 0 && holeKindFromName(partNode.getText()) === 'image');
      continue;
    }
    const typeNode = getObjectProperty(partNode, 'type');
    const type = typeNode ? resolveString(typeNode, modules).value : null;
    if (type && /image|input_image/.test(type) || getObjectProperty(partNode, 'image_url') || getObjectProperty(partNode, 'inlineData') || getObjectProperty(partNode, 'image')) {
      hasImage = true;
      text.holes.push({ kind: 'image', expression: partNode.getText().slice(0, 80) });
      continue;
    }
    const textNode = getObjectProperty(partNode, 'text');
    if (textNode) {
      const inner = resolvePromptText(textNode, modules);
      text.text += (text.text ? '\n' : '') + inner.text;
      text.holes.push(...inner.holes);
    }
  }
  return { text, hasImage };
}
