import * as path from 'node:path';
import { Node, SyntaxKind, ts, type CallExpression, type SourceFile } from 'ts-morph';
import { compilerCallsOf, wrapCompilerNode } from './calls';
import type { Endpoint, HoleKind, MessageRole, PromptHole, PromptMessage } from '../../model/types';
import { holeNameClass, leafName } from '../../model/holeNames';
import { escapeRegExp } from '../../model/regExp';
import type { ModuleLoader } from './modules';
import { constInitializer, enclosingFunction, findDeclaration, firstProperty, getObjectProperty, initializerOf, resolveObjectLiteral, resolveString, returnsOf, unwrapExpression } from './resolve';
import { classesExtendedBy, functionOf } from './shapes';

/** Cap on how much static prompt text we keep per message: token counting stays bounded on huge literals. */
const MAX_MESSAGE_CHARS = 400_000;
/** Cap on messages followed in one array: a 50,000-element literal is data, not a conversation. */
const MAX_MESSAGES = 200;
// Prompts built across files (a variable, a conditional, a template, a builder call, a replace chain) nest deeply.
const MAX_DEPTH = 14;

/** Words naming retrieved text (`docs`, `chunks`, `searchResults`): a hole holding it is sized as retrieved chunks. */
const RETRIEVED_TEXT = /docs?\b|documents?|chunks?|passages?|retriev|sources|snippets|knowledge|search ?results|hits/;

/** Guesses what a run-time value holds from its name, so its token estimate can be sized sensibly. */
export function holeKindFromName(expression: string): HoleKind {
  // A short field of something big is still short: `document.metadata.url`, `documentType`, `ctx.countryCode`.
  // Not a call's result: `buildPrompt({ messages })` is what the function builds, whatever its name.
  if (holeNameClass(expression) === 'short' && !new RegExp(`\\b${escapeRegExp(leafName(expression))}\\s*\\(`).test(expression)) return 'interpolation';
  const name = expression.toLowerCase();
  // An app's context object (`context.summary`, `ctx.suggestedPrompts.join(", ")`) is not retrieved text: its field decides.
  const field = /^(?:context|ctx)\??\.(.+)$/i.exec(expression.trim())?.[1];
  if (field !== undefined && !RETRIEVED_TEXT.test(field.toLowerCase())) return holeKindFromName(field);
  if (/context/.test(name) || RETRIEVED_TEXT.test(name)) return 'rag-context';
  if (/history|conversation|previous|transcript|thread|chatlog|messages/.test(name)) return 'history';
  if (/file|content|source|code|diff|patch|body|html|markdown|article|text|page|document/.test(name)) return 'file-content';
  if (/image|img|photo|picture|screenshot/.test(name)) return 'image';
  return 'interpolation';
}

/** A user turn the code makes at run time: `{{expression}}`, one hole of that kind. */
export function runTimeTurn(expression: string, kind: HoleKind): PromptMessage {
  return { role: 'user', text: `{{${expression}}}`, holes: [{ kind, expression }] };
}

/** The text a vector store or index embeds: documents it stores are retrieved context later; a query is a short interpolation. */
export function embeddedTextTurn(expression: string, embeds: 'documents' | 'queries'): PromptMessage {
  return runTimeTurn(expression, embeds === 'documents' ? 'rag-context' : 'interpolation');
}

/** Template tags that return the template's own text with whitespace or escapes changed (dedent, outdent, common-tags, `String.raw`). */
const TEXT_ONLY_TAG = /^(?:String\.raw|(?:[\w$]+\.)?(?:dedent|outdent|endent|stripIndents?|oneLine(?:Trim)?|codeBlock))$/;

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
  // `dedent\`...\``, `stripIndent\`...\``, `String.raw\`...\``: the tag only trims indentation or escapes, the template is the prompt.
  if (depth < MAX_DEPTH && Node.isTaggedTemplateExpression(node) && TEXT_ONLY_TAG.test(node.getTag().getText())) return resolvePromptText(node.getTemplate(), modules, depth + 1);
  if (depth < MAX_DEPTH && Node.isBinaryExpression(node) && node.getOperatorToken().getText() === '+') {
    const left = resolvePromptText(node.getLeft(), modules, depth + 1);
    const right = resolvePromptText(node.getRight(), modules, depth + 1);
    return { text: (left.text + right.text).slice(0, MAX_MESSAGE_CHARS), holes: [...left.holes, ...right.holes] };
  }
  if (depth < MAX_DEPTH && (Node.isIdentifier(node) || Node.isPropertyAccessExpression(node))) {
    const resolved = resolveString(node, modules);
    if (resolved.value !== null) {
      // `let reply = ''` filled as a stream arrives: the text is made at run time.
      if (resolved.value === '' && growsAtRunTime(node, modules)) return hole(node.getText().slice(0, 80));
      return { text: resolved.value.slice(0, MAX_MESSAGE_CHARS), holes: [] };
    }
    if (Node.isIdentifier(node)) {
      const declaration = findDeclaration(node, modules);
      const initializer = declaration && initializerOf(declaration);
      if (initializer && !Node.isParameterDeclaration(declaration)) return resolvePromptText(initializer, modules, depth + 1);
    }
    if (Node.isPropertyAccessExpression(node)) {
      const member = builtObjectMember(node, modules);
      if (member) return resolvePromptText(member, modules, depth + 1);
    }
  }
  if (depth < MAX_DEPTH && Node.isConditionalExpression(node)) {
    // `custom ? `${custom}\n${base}` : base`: the branch with more static text stands for the prompt.
    const whenTrue = resolvePromptText(node.getWhenTrue(), modules, depth + 1);
    const whenFalse = resolvePromptText(node.getWhenFalse(), modules, depth + 1);
    return staticLength(whenTrue) >= staticLength(whenFalse) ? whenTrue : whenFalse;
  }
  if (depth < MAX_DEPTH && Node.isCallExpression(node)) {
    const built = resolveBuiltPrompt(node, modules, depth);
    if (built) return built;
  }
  if (depth < MAX_DEPTH && Node.isCallExpression(node) && /\.join$/.test(node.getExpression().getText())) {
    const joined = joinedLines(node, modules, depth);
    if (joined) return joined;
    const holeExpression = node.getText();
    return hole(holeExpression.length > 80 ? holeExpression.slice(0, 77) + '...' : holeExpression);
  }
  const text = node.getText();
  return hole(text.length > 80 ? text.slice(0, 77) + '...' : text);
}

/**
 * Whether an empty-string value comes from a `let` the code fills later (`let reply = ''; reply += chunk`),
 * directly or through `a || b` / `a ?? b` of such: the text is made at run time, a hole, not an empty prompt.
 */
function growsAtRunTime(expression: Node, modules: ModuleLoader, depth = 0): boolean {
  const node = unwrapExpression(expression);
  if (depth > MAX_DEPTH) return false;
  if (Node.isBinaryExpression(node) && ['||', '??'].includes(node.getOperatorToken().getText())) return growsAtRunTime(node.getLeft(), modules, depth + 1) || growsAtRunTime(node.getRight(), modules, depth + 1);
  if (!Node.isIdentifier(node)) return false;
  const declaration = findDeclaration(node, modules);
  if (!declaration || !Node.isVariableDeclaration(declaration)) return false;
  if (declaration.getVariableStatement()?.getDeclarationKind() === 'let') return true;
  const initializer = declaration.getInitializer();
  return initializer !== undefined && growsAtRunTime(initializer, modules, depth + 1);
}

function staticLength(result: TextResult): number {
  return result.text.replace(/\{\{[\s\S]*?\}\}/g, '').length;
}

/**
 * Prompts built by code: `TEMPLATE.replace('{x}', value)` chains, a call to a function that returns the prompt
 * (`systemPrompt()`, `buildPrompt(a, b)` in this file or an imported one: its parameters become holes), a prompt
 * file read with fs (`readFileSync(path.join(__dirname, 'prompts/x.md'), 'utf8')`), and a LangChain hub pull
 * (text kept elsewhere: one hole that says so).
 */
function resolveBuiltPrompt(call: CallExpression, modules: ModuleLoader, depth: number): TextResult | undefined {
  const callee = unwrapExpression(call.getExpression());
  const args = call.getArguments();
  if (Node.isPropertyAccessExpression(callee)) {
    const name = callee.getName();
    if ((name === 'replace' || name === 'replaceAll') && args.length === 2) {
      const base = resolvePromptText(callee.getExpression(), modules, depth + 1);
      if (staticLength(base) === 0) return undefined;
      const value = resolvePromptText(args[1], modules, depth + 1);
      const pattern = unwrapExpression(args[0]);
      const placeholder = Node.isStringLiteral(pattern) || Node.isNoSubstitutionTemplateLiteral(pattern) ? pattern.getLiteralValue() : null;
      if (placeholder && base.text.includes(placeholder)) return { text: base.text.split(placeholder).join(value.text).slice(0, MAX_MESSAGE_CHARS), holes: [...base.holes, ...value.holes] };
      return { text: base.text, holes: [...base.holes, ...value.holes] };
    }
    if (name === 'trim' || name === 'trimStart' || name === 'trimEnd' || name === 'toString') return resolvePromptText(callee.getExpression(), modules, depth + 1);
    if (name === 'pull' && /(^|\.)hub$/.test(callee.getExpression().getText())) {
      const id = args[0] ? resolveString(args[0], modules).value ?? args[0].getText() : '?';
      return { text: `{{prompt hub ${id} (text not in the code)}}`, holes: [{ kind: 'unknown', expression: `hub.pull(${id}): prompt text kept in the LangChain hub, unknown here` }] };
    }
  }
  if (/(^|\.)(readFileSync|readFile)$/.test(callee.getText()) && args[0]) {
    const file = staticPath(args[0], call.getSourceFile().getDirectoryPath(), modules, 0);
    const text = file ? modules.readPromptFile(file) : undefined;
    if (text !== undefined) return { text: text.slice(0, MAX_MESSAGE_CHARS), holes: [] };
    return undefined;
  }
  if (!Node.isIdentifier(callee) && !Node.isPropertyAccessExpression(callee)) return undefined;
  const returned = returnedExpressions(callee, modules);
  if (!returned) return undefined;
  let best: TextResult | undefined;
  for (const expression of returned.slice(0, 8)) {
    const result = resolvePromptText(expression, modules, depth + 1);
    if (!best || staticLength(result) > staticLength(best)) best = result;
  }
  return best && staticLength(best) > 0 ? best : undefined;
}

/** What the function `callee` names returns (each `return` expression of its own body, or an arrow's expression body); undefined when it is not a function declared in the workspace. */
function returnedExpressions(callee: Node, modules: ModuleLoader): Node[] | undefined {
  const declaration = Node.isIdentifier(callee) ? findDeclaration(callee, modules) : undefined;
  const fn = declaration && (Node.isFunctionDeclaration(declaration) ? declaration : initializerOf(declaration));
  if (!fn || !(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) return undefined;
  return fn.getBody() ? returnsOf(fn) : undefined;
}

/**
 * `prompt.system` where `const prompt = getEvaluationPrompt(question)` and the builder returns
 * `{ system: `...`, user: `...` }`: the returned object's property (the longest when several returns have it).
 */
function builtObjectMember(access: Node, modules: ModuleLoader): Node | undefined {
  if (!Node.isPropertyAccessExpression(access)) return undefined;
  let target: Node = unwrapExpression(access.getExpression());
  if (Node.isIdentifier(target)) {
    const declaration = findDeclaration(target, modules);
    const initializer = declaration && !Node.isParameterDeclaration(declaration) ? initializerOf(declaration) : undefined;
    if (!initializer) return undefined;
    target = unwrapExpression(initializer);
  }
  if (!Node.isCallExpression(target)) return undefined;
  const callee = unwrapExpression(target.getExpression());
  const returned = returnedExpressions(callee, modules);
  if (!returned) return undefined;
  const key = access.getName();
  let best: Node | undefined;
  for (const expression of returned.slice(0, 8)) {
    const object = unwrapExpression(expression);
    if (!Node.isObjectLiteralExpression(object)) continue;
    const property = object.getProperty(key);
    const value = property && Node.isPropertyAssignment(property) ? property.getInitializer() : property && Node.isShorthandPropertyAssignment(property) ? property.getNameNode() : undefined;
    if (value && (!best || value.getText().length > best.getText().length)) best = value;
  }
  return best;
}

/** A file path the code builds statically: literals, `path.join/resolve(__dirname | process.cwd(), ...)`, template literals without holes. */
export function staticPath(node: Node, directory: string, modules: ModuleLoader, depth = 0, inJoin = false): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const value = unwrapExpression(node);
  if (Node.isIdentifier(value) && (value.getText() === '__dirname' || value.getText() === 'import.meta.dirname')) return directory;
  if (Node.isPropertyAccessExpression(value) && value.getText() === 'import.meta.dirname') return directory;
  if (Node.isCallExpression(value)) {
    const callee = value.getExpression().getText();
    if (/^process\.cwd$/.test(callee)) return undefined;
    if (/(^|\.)(join|resolve)$/.test(callee)) {
      const parts = value.getArguments().map((argument) => staticPath(argument, directory, modules, depth + 1, true));
      if (parts.some((part) => part === undefined)) return undefined;
      const joined = path.join(...(parts as string[]));
      return path.isAbsolute(joined) ? joined : path.join(directory, joined);
    }
    return undefined;
  }
  const text = resolveString(value, modules).value;
  if (text === null || /^[a-z][\w+.-]*:/i.test(text)) return undefined;
  // Inside path.join the caller anchors the part; alone, a relative path is taken from the file's folder.
  return inJoin || path.isAbsolute(text) ? text : path.join(directory, text);
}

/**
 * A prompt written as lines joined at run time (`['Generate a concise git commit message ...', \`Message language:
 * ${locale}\`, specifyCommitFormat(type)].filter(Boolean).join('\n')`): each part read as a prompt, joined with the
 * separator. A `.filter(...)` before the join drops parts at run time (empty ones, for `filter(Boolean)`): the parts
 * are read as written and empty ones left out. Undefined for anything but an array literal (or a constant holding one)
 * joined with a separator the code spells out.
 */
function joinedLines(call: Node, modules: ModuleLoader, depth: number): TextResult | undefined {
  if (!Node.isCallExpression(call)) return undefined;
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'join') return undefined;
  let array = unwrapExpression(callee.getExpression());
  let filtered = false;
  // `.map()` callbacks in the order they run: `list.map((tag) => `<${tag}>`).join(', ')` over a constant list is text.
  const mappings: Node[] = [];
  while (Node.isCallExpression(array)) {
    const inner = array.getExpression();
    if (!Node.isPropertyAccessExpression(inner)) return undefined;
    if (inner.getName() === 'filter') filtered = true;
    else if (inner.getName() === 'map' && array.getArguments().length === 1) mappings.unshift(array.getArguments()[0]);
    else return undefined;
    array = unwrapExpression(inner.getExpression());
  }
  if (Node.isIdentifier(array)) {
    const declaration = findDeclaration(array, modules);
    const initializer = constInitializer(declaration);
    array = initializer ? unwrapExpression(initializer) : array;
  }
  if (!Node.isArrayLiteralExpression(array)) return undefined;
  const separatorNode = call.getArguments()[0];
  const separator = separatorNode ? resolveString(separatorNode, modules).value : ',';
  if (separator === null) return undefined;
  const resolved = array.getElements().slice(0, MAX_MESSAGES).map((element) => (Node.isSpreadElement(element) ? hole(element.getText().slice(0, 80)) : resolvePromptText(element, modules, depth + 1)));
  const parts = mappings.length === 0 ? resolved : mappedParts(resolved, mappings, modules);
  if (!parts) return undefined;
  const kept = filtered ? parts.filter((part) => part.text !== '') : parts;
  return { text: kept.map((part) => part.text).join(separator).slice(0, MAX_MESSAGE_CHARS), holes: kept.flatMap((part) => part.holes) };
}

/** Constant texts run through `.map()` callbacks, or undefined unless every element is static text and every callback a template over its one parameter. */
function mappedParts(parts: TextResult[], mappings: Node[], modules: ModuleLoader): TextResult[] | undefined {
  const mapped: TextResult[] = [];
  for (const part of parts) {
    if (part.holes.length > 0) return undefined;
    let text: string | undefined = part.text;
    for (const mapping of mappings) text = text === undefined ? undefined : mappedText(mapping, text, modules);
    if (text === undefined) return undefined;
    mapped.push({ text, holes: [] });
  }
  return mapped;
}

/** What a `.map()` callback returns for one text: `(tag) => `<${tag}>``, `function (line) { return '- ' + line; }`. */
function mappedText(mapping: Node, value: string, modules: ModuleLoader): string | undefined {
  const callback = unwrapExpression(mapping);
  if (!Node.isArrowFunction(callback) && !Node.isFunctionExpression(callback)) return undefined;
  const parameters = callback.getParameters();
  const parameter = parameters[0]?.getNameNode();
  if (parameters.length !== 1 || !Node.isIdentifier(parameter)) return undefined;
  const body = callback.getBody();
  const statements = Node.isBlock(body) ? body.getStatements() : undefined;
  const returned = statements ? (statements.length === 1 && Node.isReturnStatement(statements[0]) ? statements[0].getExpression() : undefined) : body;
  return returned && textWith(returned, parameter.getText(), value, modules);
}

/** The text of an expression with one name bound to a value: string literals, templates and `+` over the name and constants. */
function textWith(expression: Node, name: string, value: string, modules: ModuleLoader, depth = 0): string | undefined {
  const node = unwrapExpression(expression);
  if (depth > MAX_DEPTH) return undefined;
  if (Node.isIdentifier(node) && node.getText() === name) return value;
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue();
  if (Node.isTemplateExpression(node)) {
    let text = node.getHead().getLiteralText();
    for (const span of node.getTemplateSpans()) {
      const inner = textWith(span.getExpression(), name, value, modules, depth + 1);
      if (inner === undefined) return undefined;
      text += inner + span.getLiteral().getLiteralText();
    }
    return text;
  }
  if (Node.isBinaryExpression(node) && node.getOperatorToken().getText() === '+') {
    const left = textWith(node.getLeft(), name, value, modules, depth + 1);
    const right = textWith(node.getRight(), name, value, modules, depth + 1);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  // A constant the callback reads (`${PREFIX}${tag}`), never one that names the parameter.
  if ((Node.isIdentifier(node) || Node.isPropertyAccessExpression(node)) && !node.getText().split('.').includes(name)) return resolveString(node, modules).value ?? undefined;
  return undefined;
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
  const builder = builderCallOf(node);
  const converter = builder ? imagePartsOfConverter(builder, modules) : undefined;
  if (converter) MESSAGES_WITH_ATTACHED_IMAGES.set(result.messages[result.messages.length - 1], converter);
  return result;
}

/**
 * The call that builds a list of turns: the node itself, or the call an array destructuring takes it from
 * (`const [systemPrompt, chats] = prepareAnthropicMessages(messages)`), found in the blocks around the node
 * (findDeclaration reads object patterns only: an element of an array pattern is no property of its source).
 */
function builderCallOf(node: Node): CallExpression | undefined {
  if (Node.isCallExpression(node)) return node;
  if (!Node.isIdentifier(node)) return undefined;
  const name = node.getText();
  for (const block of node.getAncestors()) {
    if (!Node.isBlock(block) && !Node.isSourceFile(block)) continue;
    for (const statement of block.getStatements()) {
      if (statement.getStart() > node.getStart() || !Node.isVariableStatement(statement)) continue;
      for (const declaration of statement.getDeclarations()) {
        const pattern = declaration.getNameNode();
        if (!Node.isArrayBindingPattern(pattern) || !pattern.getElements().some((element) => Node.isBindingElement(element) && element.getName() === name)) continue;
        const value = declaration.getInitializer() && unwrapExpression(declaration.getInitializer()!);
        return value && Node.isCallExpression(value) ? value : undefined;
      }
    }
  }
  return undefined;
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
  const roleValue = roleNode ? resolveRole(roleNode, modules) : null;
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
      // `content: [contentField]` with `const contentField = asFile ? { type: 'file', ... } : { type: 'image', ... }`.
      const visual = partObjectsOf(partNode, modules).find((object) => isVisualPart(object, modules));
      if (visual) {
        hasImage = true;
        text.holes.push({ kind: 'image', expression: partNode.getText().slice(0, 80) });
        continue;
      }
      const inner = resolvePromptText(partNode, modules);
      text.text += inner.text;
      text.holes.push(...inner.holes);
      // A part list holding `imagePart` or `...imageParts`: its name says it is an image.
      hasImage ||= inner.holes.some((hole) => hole.kind === 'image') || (inner.holes.length > 0 && holeKindFromName(partNode.getText()) === 'image');
      continue;
    }
    if (isVisualPart(partNode, modules)) {
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

/**
 * A content part the model takes in by sight: an image (`{ type: 'image' }`, `image_url`, Gemini's `inlineData`), or a
 * document file (the AI SDK's `{ type: 'file', mediaType }`, OpenAI's `file` / `input_file`, Anthropic's `document`) of
 * an image or PDF type, or of a type the code does not spell out: a PDF's pages reach the model as images (billed as
 * image tokens) and need a model that reads them. A file part of a text or audio type is not one.
 */
function isVisualPart(part: Node, modules: ModuleLoader): boolean {
  const typeNode = getObjectProperty(part, 'type');
  const type = typeNode ? resolveString(typeNode, modules).value : null;
  if ((type && /image|input_image/.test(type)) || getObjectProperty(part, 'image_url') || getObjectProperty(part, 'inlineData') || getObjectProperty(part, 'image')) return true;
  if (type !== 'file' && type !== 'input_file' && type !== 'document') return false;
  const source = getObjectProperty(part, 'source') ?? getObjectProperty(part, 'file');
  const sourceObject = source ? resolveObjectLiteral(source, modules) : undefined;
  const mediaNode = firstProperty(part, MEDIA_TYPE_KEYS, modules) ?? (sourceObject ? firstProperty(sourceObject, MEDIA_TYPE_KEYS, modules) : undefined);
  const media = mediaNode ? resolveString(mediaNode, modules).value : null;
  return media === null || /^(image\/|application\/(x-)?pdf)/i.test(media);
}

const MEDIA_TYPE_KEYS = ['mediaType', 'mimeType', 'media_type', 'mime_type'] as const;

/** The object literals a content part written as a name stands for: its constant's value, both branches of a conditional. */
function partObjectsOf(node: Node, modules: ModuleLoader, depth = 0): Node[] {
  const value = unwrapExpression(node);
  if (depth > 3) return [];
  if (Node.isObjectLiteralExpression(value)) return [value];
  if (Node.isConditionalExpression(value)) return [...partObjectsOf(value.getWhenTrue(), modules, depth + 1), ...partObjectsOf(value.getWhenFalse(), modules, depth + 1)];
  if (!Node.isIdentifier(value)) return [];
  const declaration = findDeclaration(value, modules);
  const initializer = declaration && !Node.isParameterDeclaration(declaration) ? initializerOf(declaration) : undefined;
  return initializer ? partObjectsOf(initializer, modules, depth + 1) : [];
}

/** `response_format` values that name a file or encoding, not a shape the model must follow. */
const NON_STRUCTURED_FORMATS = /^(text|url|b64_json|base64|mp3|opus|aac|flac|wav|pcm|srt|vtt|verbose_json|json_text)$/i;

/**
 * Whether a format option asks the model for structured output: JSON mode, a JSON schema, a zod schema, an
 * Instructor `response_model`, Ollama's `format: 'json'` or a schema object. On image and audio endpoints the
 * same option names the encoding of the result (`response_format: 'b64_json'`), never a structured answer.
 */
export function requestsStructuredOutput(value: Node | undefined, endpoint: Endpoint, modules: ModuleLoader): boolean {
  if (!value) return false;
  if (endpoint !== 'chat' && endpoint !== 'completion' && endpoint !== 'batch') return false;
  const literal = resolveObjectLiteral(value, modules);
  const node = literal && Node.isObjectLiteralExpression(literal) ? literal : unwrapExpression(value);
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return !NON_STRUCTURED_FORMATS.test(node.getLiteralValue());
  if (Node.isObjectLiteralExpression(node)) {
    const type = getObjectProperty(node, 'type', modules);
    const typeValue = type ? resolveString(type, modules).value : null;
    if (typeValue !== null) return typeValue !== 'text';
    return true;
  }
  if (Node.isIdentifier(node) && node.getText() === 'undefined') return false;
  const resolved = resolveString(node, modules).value;
  if (resolved !== null) return !NON_STRUCTURED_FORMATS.test(resolved);
  return true;
}

/**
 * The tool a `tool_choice` / `toolChoice` option forces: `'route_query'`, `{ type: 'function', function: { name } }`,
 * `{ type: 'tool', toolName }`, `{ name }`; or the only tool when the choice is `'required'`/`'any'`. Undefined when
 * the model may answer in text or pick among several tools.
 */
export function forcedToolName(choice: Node | undefined, toolNames: readonly string[], modules: ModuleLoader): string | undefined {
  if (!choice) return undefined;
  const literal = resolveObjectLiteral(choice, modules);
  if (literal && Node.isObjectLiteralExpression(literal)) {
    const named = getObjectProperty(getObjectProperty(literal, 'function', modules), 'name', modules) ?? getObjectProperty(literal, 'toolName', modules) ?? getObjectProperty(literal, 'name', modules);
    const name = named ? resolveString(named, modules).value : null;
    if (name) return name;
    const type = getObjectProperty(literal, 'type', modules);
    const typeValue = type ? resolveString(type, modules).value : null;
    return (typeValue === 'any' || typeValue === 'required') && toolNames.length === 1 ? toolNames[0] : undefined;
  }
  const value = resolveString(choice, modules).value;
  if (value === null || value === 'auto' || value === 'none') return undefined;
  if (value === 'required' || value === 'any') return toolNames.length === 1 ? toolNames[0] : undefined;
  return value;
}

/** A message role; `o1 ? 'user' : 'system'` (models without system messages) is still the system prompt. */
export function resolveRole(node: Node, modules: ModuleLoader): string | null {
  const value = unwrapExpression(node);
  if (Node.isConditionalExpression(value)) {
    const roles = [resolveString(value.getWhenTrue(), modules).value, resolveString(value.getWhenFalse(), modules).value];
    return roles.find((role) => role === 'system' || role === 'developer') ?? roles.find((role) => role !== null) ?? null;
  }
  return resolveString(value, modules).value;
}

/** Text in a loop body that says tool results go back to the model (OpenAI, Anthropic, Gemini, AI SDK shapes). */
const TOOL_ROUND_TRIP = /\b(tool_calls|toolCalls|function_call|functionCalls?|tool_use|tool_result|function_call_output|toolResults|functionResponse)\b/;

/**
 * The step cap of an SDK-run agent loop: AI SDK `maxSteps: n` or `stopWhen: stepCountIs(n)` (or a list of
 * conditions), LangChain `maxIterations` / `recursionLimit`. Undefined when the options name none.
 */
export function readStepLimit(options: Node | undefined, modules: ModuleLoader): { max: number | null; basis: string } | undefined {
  if (!options) return undefined;
  for (const key of ['maxSteps', 'maxIterations', 'recursionLimit', 'maxToolRoundtrips']) {
    const value = getObjectProperty(options, key, modules);
    if (!value) continue;
    const literal = unwrapExpression(value);
    const max = Node.isNumericLiteral(literal) ? Number(literal.getLiteralValue()) : null;
    if (max !== null && max <= 1 && key === 'maxSteps') return undefined;
    return { max, basis: `\`${key}: ${literal.getText().slice(0, 30)}\`` };
  }
  const stopWhen = getObjectProperty(options, 'stopWhen', modules);
  if (stopWhen) {
    const text = stopWhen.getText();
    const count = /stepCountIs\(\s*(\d+)\s*\)/.exec(text);
    const max = count ? Number(count[1]) : null;
    if (max !== null && max <= 1) return undefined;
    return { max, basis: `\`stopWhen: ${text.slice(0, 40)}\`` };
  }
  return undefined;
}

/**
 * A request made in a hand-written agent loop: inside a `while`/`do`/`for(;;)` loop (not a `for...of` over
 * items, which is a batch) whose body hands tool calls back to the model. The cap is the loop's numeric
 * bound when it states one (`i < 5`, `MAX_TURNS` as a constant).
 */
export function agentLoopOf(call: Node, modules?: ModuleLoader): { max: number | null; basis: string } | undefined {
  for (let current = call.getParent(); current; current = current.getParent()) {
    if (Node.isFunctionLikeDeclaration(current) || Node.isArrowFunction(current) || Node.isFunctionExpression(current)) return undefined;
    if (Node.isForOfStatement(current) || Node.isForInStatement(current)) return undefined;
    if (!(Node.isWhileStatement(current) || Node.isDoStatement(current) || Node.isForStatement(current))) continue;
    if (!TOOL_ROUND_TRIP.test(current.getText())) return undefined;
    const condition = Node.isForStatement(current) ? current.getCondition() : current.getExpression();
    let max: number | null = null;
    const bound = condition && /<(=?)\s*([A-Za-z_$][\w$.]*|\d+)\s*$/.exec(condition.getText());
    if (bound) {
      const limit = /^\d+$/.test(bound[2]) ? Number(bound[2]) : resolveConstantNumber(condition, bound[2], modules);
      if (limit !== null) max = limit + (bound[1] ? 1 : 0);
    }
    const line = current.getStartLineNumber();
    return { max, basis: `request inside a loop that feeds tool calls back (line ${line}${max !== null ? `, at most ${max} rounds` : ''})` };
  }
  return undefined;
}

function resolveConstantNumber(context: Node, name: string, modules: ModuleLoader | undefined): number | null {
  if (!modules) return null;
  const identifier = context.getDescendantsOfKind(SyntaxKind.Identifier).find((node) => node.getText() === name.split('.')[0]);
  if (!identifier || name.includes('.')) return null;
  const declaration = findDeclaration(identifier, modules);
  const initializer = declaration && !Node.isParameterDeclaration(declaration) ? initializerOf(declaration) : undefined;
  const value = initializer && unwrapExpression(initializer);
  return value && Node.isNumericLiteral(value) ? Number(value.getLiteralValue()) : null;
}

/** An image content part as the major SDKs spell it (OpenAI, Anthropic, Gemini). */
const IMAGE_PART_SHAPE = /\b(image_url|input_image|inlineData|inline_data)\s*:|\btype\s*:\s*["'`]image["'`]/;

/**
 * Messages a function builds at run time (`await prepareMessagesWithFiles(messages, imageProcessor, isMultimodal)`),
 * read as one hole, whose builder writes image parts: where it does. Kept by message object, for `imagePartsElsewhere`.
 */
const MESSAGES_WITH_ATTACHED_IMAGES = new WeakMap<PromptMessage, string>();

/**
 * Where the function a call builds messages with writes image parts: its own body, or a function it calls or hands
 * on by name, in its module or imported, a few calls down (chat-ui's `prepareMessagesWithFiles` → `prepareFiles`;
 * anything-llm's `formatMessagesForTools` → `formatMessageWithAttachments` → `attachmentToContentBlock`).
 * `name (file:line)`, or undefined.
 */
function imagePartsOfConverter(call: CallExpression, modules: ModuleLoader): string | undefined {
  const fn = functionOf(call.getExpression(), modules);
  if (!fn) return undefined;
  const name = call.getExpression().getText().slice(0, 60);
  const below = imagePartsBelow(fn, IMAGE_PART_SHAPE, modules, IMAGE_PART_CALL_DEPTH - 1);
  return below ? `${[name, ...below.chain].join(' → ')} (${below.at})` : undefined;
}

/**
 * Ollama's own field for a message's images (`{ role: 'user', content, images }`), besides the content parts of the
 * other SDKs: Ollama's chat API takes images only there.
 */
const OLLAMA_IMAGE_SHAPE = new RegExp(`${IMAGE_PART_SHAPE.source}|[{,]\\s*images\\s*[:,}]`);

/**
 * Where a request's images come from when they are not written at the call: messages built elsewhere in its own
 * class (an adapter's `getChatCompletion(messages)` after its `constructPrompt` turned attachments into image parts),
 * in a class it extends (a provider base class's `formatMessageWithAttachments`, not overridden by the subclass) or
 * a function the class calls (`attachmentToContentBlock`, imported), or by a function that turns the conversation's
 * attached files into image parts (`imagePartsOfConverter`). The sentence for the evidence, or undefined. Such a call
 * must accept images, but it is not about them.
 */
export function imagePartsElsewhere(call: Node, messages: readonly PromptMessage[], modules: ModuleLoader, sdk: string): string | undefined {
  for (const message of messages) {
    const builder = MESSAGES_WITH_ATTACHED_IMAGES.get(message);
    if (builder) return `images: the messages are built by ${builder}, which turns attached files into image parts`;
  }
  const runTime = messages.some((message) => message.holes.some((hole) => hole.kind === 'message-array' || hole.kind === 'history'));
  if (!runTime) return undefined;
  const shape = sdk === 'ollama' ? OLLAMA_IMAGE_SHAPE : IMAGE_PART_SHAPE;
  const owner = call.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
  if (!owner) return undefined;
  // Kept per class: every request of an adapter class asks the same question.
  let known = CLASS_IMAGE_PARTS.get(owner);
  if (!known) CLASS_IMAGE_PARTS.set(owner, (known = new Map()));
  if (!known.has(shape.source)) known.set(shape.source, imagePartsAroundClass(owner, shape, modules));
  return known.get(shape.source);
}

const CLASS_IMAGE_PARTS = new WeakMap<Node, Map<string, string | undefined>>();

/** The evidence sentence for image parts a class (or what it extends, or calls) builds, or undefined. */
function imagePartsAroundClass(owner: Node, shape: RegExp, modules: ModuleLoader): string | undefined {
  const match = shape.exec(owner.getText());
  if (match) return `images: the class builds image parts (line ${owner.getSourceFile().getLineAndColumnAtPos(owner.getStart() + match.index).line}) into the messages it sends here`;
  const found = imagePartsThroughClass(owner, shape, modules);
  return found && `images: ${found} builds image parts into the messages it sends here`;
}

/** How far down the functions a request's code calls are searched for image parts (tooled.js → formatMessageWithAttachments → attachmentToContentBlock). */
const IMAGE_PART_CALL_DEPTH = 3;

/**
 * Image parts written by the classes a class extends (directly or through a mixin), in members the class and the
 * classes between do not override, or by the functions the members of any of them call. Where, or undefined.
 */
function imagePartsThroughClass(cls: Node, shape: RegExp, modules: ModuleLoader): string | undefined {
  const overridden = new Set<string>();
  const members: Node[] = [];
  const seen = new Set<Node>();
  let level: Node[] = [cls];
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const next: Node[] = [];
    const declaredHere = new Set<string>();
    for (const current of level) {
      if (seen.has(current) || !(Node.isClassDeclaration(current) || Node.isClassExpression(current))) continue;
      seen.add(current);
      for (const member of current.getMembers()) {
        const name = Node.isConstructorDeclaration(member) ? 'constructor' : Node.isClassStaticBlockDeclaration(member) ? undefined : member.getName();
        if (name !== undefined && overridden.has(name)) continue;
        if (name !== undefined) declaredHere.add(name);
        members.push(member);
        if (current === cls) continue;
        const match = shape.exec(member.getText());
        if (match) return `the class it extends, ${current.getName() ?? 'a class'} (${where(member, match.index)}),`;
      }
      next.push(...classesExtendedBy(current, modules));
    }
    for (const name of declaredHere) overridden.add(name);
    level = next;
  }
  return imagePartsThroughCalls(members, shape, modules);
}

/** Image parts a function writes itself or through the functions below it: the names of the calls down to them and where, by shape and depth left. */
type ImagePartsBelow = { chain: string[]; at: string } | null;
const IMAGE_PARTS_BELOW = new WeakMap<Node, Map<string, ImagePartsBelow>>();

/**
 * Image parts written by a function the given code calls or hands on by name (in its module or imported), a few calls
 * down: `a → b (file:line)`, or undefined. Each function's answer is kept (requests of one class share their helpers).
 */
function imagePartsThroughCalls(scopes: readonly Node[], shape: RegExp, modules: ModuleLoader): string | undefined {
  for (const scope of scopes) {
    for (const { name, fn } of functionsCalledIn(scope, modules)) {
      if (scopes.includes(fn)) continue;
      const below = imagePartsBelow(fn, shape, modules, IMAGE_PART_CALL_DEPTH - 1);
      if (below) return `${[name, ...below.chain].join(' → ')} (${below.at})`;
    }
  }
  return undefined;
}

function imagePartsBelow(fn: Node, shape: RegExp, modules: ModuleLoader, left: number): ImagePartsBelow {
  const key = `${left}:${shape.source}`;
  let known = IMAGE_PARTS_BELOW.get(fn);
  if (known?.has(key)) return known.get(key)!;
  if (!known) IMAGE_PARTS_BELOW.set(fn, (known = new Map()));
  // Marked before the search: a function reached again through a cycle adds nothing.
  known.set(key, null);
  const match = shape.exec(fn.getText());
  let found: ImagePartsBelow = match ? { chain: [], at: where(fn, match.index) } : null;
  for (const { name, fn: inner } of left > 0 && !found ? functionsCalledIn(fn, modules) : []) {
    if (inner === fn) continue;
    const below = imagePartsBelow(inner, shape, modules, left - 1);
    if (below) {
      found = { chain: [name, ...below.chain], at: below.at };
      break;
    }
  }
  known.set(key, found);
  return found;
}

/**
 * The workspace functions code calls by name, or hands to a call as a callback (`messages.map(formatMessageWithAttachments)`).
 * Read on the compiler's calls of the file in the code's range; only the names are wrapped.
 */
function functionsCalledIn(scope: Node, modules: ModuleLoader): Array<{ name: string; fn: Node }> {
  const sourceFile = scope.getSourceFile();
  const { pos, end } = scope.compilerNode;
  const found: Array<{ name: string; fn: Node }> = [];
  const seen = new Set<Node>();
  for (const call of compilerCallsOf(sourceFile)) {
    if (call.pos < pos || call.end > end) continue;
    for (const name of [call.expression, ...call.arguments]) {
      if (!ts.isIdentifier(name)) continue;
      const fn = functionOf(wrapCompilerNode(sourceFile, name), modules);
      if (!fn || seen.has(fn)) continue;
      seen.add(fn);
      found.push({ name: name.text, fn });
    }
  }
  return found;
}

/** `file.js:line` of a position inside a node. */
function where(node: Node, index: number): string {
  const sourceFile = node.getSourceFile();
  return `${sourceFile.getBaseName()}:${sourceFile.getLineAndColumnAtPos(node.getStart() + index).line}`;
}

/** Names a tool list goes by when it is handed around (`functions`, `tools`, `this.availableTools`). */
const TOOL_LIST_NAME = /^(functions|tools|tool_?list|tool_?definitions|tool_?specs|available_?(tools|functions))$/i;

/**
 * Prompt-based tool calling: the function that makes the request is handed, as a callback, to a routine that
 * also gets the tool list (`UnTooled.prototype.stream.call(this, messages, functions, this.#chat.bind(this))`).
 * That routine describes the tools in the prompt and reads the model's reply as a tool call, so the request
 * chooses tools even though it sends no `tools` option. The argument text naming the tool list, or undefined.
 */
export function toolListHandedWith(call: Node): { callee: string; toolList: string; line: number; entry?: string } | undefined {
  const holder = call.getFirstAncestor((ancestor) => Node.isMethodDeclaration(ancestor) || Node.isFunctionDeclaration(ancestor) || Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor));
  if (!holder) return undefined;
  let name: string | undefined;
  if (Node.isMethodDeclaration(holder) || Node.isFunctionDeclaration(holder)) name = holder.getName();
  else {
    const parent = holder.getParent();
    if (parent && (Node.isVariableDeclaration(parent) || Node.isPropertyDeclaration(parent) || Node.isPropertyAssignment(parent))) name = parent.getName();
  }
  if (!name) return undefined;
  const scope = holder.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor)) ?? holder.getSourceFile();
  const escaped = name.replace(/[$#]/g, (c) => `\\${c}`);
  // `this.#chat`, `this.#chat.bind(this)`, `chat`, `chat.bind(null)`: the function itself, not a call of it.
  const reference = new RegExp(`^(this\\.)?${escaped}(\\.bind\\([^)]*\\))?$`);
  // Tested on the compiler's calls of the file (listed once per file), in the scope's range: every request of a
  // file asks, and wrapping every call of the file was the largest part of a cold scan's analysis.
  const sourceFile = scope.getSourceFile();
  const textOf = (node: ts.Node) => node.getText(sourceFile.compilerNode);
  const { pos, end } = scope.compilerNode;
  for (const candidate of compilerCallsOf(sourceFile)) {
    if (candidate.pos < pos || candidate.end > end) continue;
    const args = candidate.arguments;
    if (args.length < 2 || !args.some((arg) => reference.test(textOf(arg)))) continue;
    const toolList = args.find((arg) => TOOL_LIST_NAME.test(textOf(arg).replace(/^this\./, '')));
    if (!toolList) continue;
    const handed = wrapCompilerNode<CallExpression>(sourceFile, candidate);
    return { callee: handed.getExpression().getText().slice(0, 60), toolList: textOf(toolList), line: handed.getStartLineNumber(), entry: toolListEntryOf(handed) };
  }
  return undefined;
}

/**
 * The name of the function or method holding `node` when one of its parameters is the tool list
 * (`stream(messages, functions = [])`, `run({ tools })`): the name an agent loop elsewhere calls it by.
 */
export function toolListEntryOf(node: Node): string | undefined {
  const holder = node.getFirstAncestor((ancestor) => Node.isMethodDeclaration(ancestor) || Node.isFunctionDeclaration(ancestor));
  if (!holder || !(Node.isMethodDeclaration(holder) || Node.isFunctionDeclaration(holder))) return undefined;
  const name = holder.getName();
  if (!name || name.startsWith('#')) return undefined;
  const takesToolList = holder.getParameters().some((parameter) => {
    const nameNode = parameter.getNameNode();
    if (Node.isIdentifier(nameNode)) return TOOL_LIST_NAME.test(nameNode.getText());
    return Node.isObjectBindingPattern(nameNode) && nameNode.getElements().some((element) => TOOL_LIST_NAME.test(element.getName()));
  });
  return takesToolList ? name : undefined;
}

/**
 * Where a framework runs the agent loop itself: a call `x.<entry>(..., functions)` in a function that hands
 * tool results back (its text names function calls or tool calls) and calls itself again or sits in a
 * `while`/`for` loop. Each call of the entry is then one step of that loop. The line of the first such call.
 */
export function agentLoopCalling(sourceFile: SourceFile, entries: ReadonlySet<string>): Map<string, number> {
  const found = new Map<string, number>();
  for (const call of sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const entry = callee.getName();
    if (!entries.has(entry) || found.has(entry)) continue;
    if (!call.getArguments().some((arg) => TOOL_LIST_NAME.test(arg.getText().replace(/^this\./, '')))) continue;
    const fn = call.getFirstAncestor((ancestor) => Node.isMethodDeclaration(ancestor) || Node.isFunctionDeclaration(ancestor) || Node.isFunctionExpression(ancestor));
    if (!fn || !(Node.isMethodDeclaration(fn) || Node.isFunctionDeclaration(fn) || Node.isFunctionExpression(fn))) continue;
    if (!TOOL_ROUND_TRIP.test(fn.getText())) continue;
    const own = fn.getName();
    const recursive = own !== undefined && fn.getDescendantsOfKind(SyntaxKind.CallExpression).some((inner) => {
      const innerCallee = inner.getExpression();
      return Node.isPropertyAccessExpression(innerCallee) ? innerCallee.getName() === own && innerCallee.getExpression().getKind() === SyntaxKind.ThisKeyword : innerCallee.getText() === own;
    });
    const looped = call.getFirstAncestor((ancestor) => ancestor === fn || Node.isWhileStatement(ancestor) || Node.isDoStatement(ancestor) || Node.isForStatement(ancestor));
    if (recursive || (looped !== undefined && looped !== fn)) found.set(entry, call.getStartLineNumber());
  }
  return found;
}

/** Names a function gives the request options it is handed (`options`, `params`, `input`, ...). */
const OPTIONS_PARAMETER = /^(?:options|opts|params|parameters|args|arguments|input|request|req|body|payload|config|settings|props)$/i;
/** Initializers and arguments followed from a request's unresolved spread back to the options it is made from. */
const MAX_OPTIONS_TRACE = 6;

/**
 * A request whose options are spread in from values made at run time (`generateObject({ ...protectedOptions, model })`,
 * `protectedOptions` made by the app's own functions from the `options` the helper is handed): its prompt is unknown
 * here, never empty. The message is a hole named for the parameter the options come from, so a caller of the helper
 * that passes its own options (`{ system, prompt }`) fills it in (wrapperCallers.ts); undefined when the options
 * hold no such spread.
 */
export function optionsHoleOf(params: Node | undefined, modules: ModuleLoader): PromptMessage | undefined {
  const object = params && unwrapExpression(params);
  if (!object || !Node.isObjectLiteralExpression(object)) return undefined;
  for (const property of object.getProperties()) {
    if (!Node.isSpreadAssignment(property) || resolveObjectLiteral(property.getExpression(), modules)) continue;
    const expression = optionsParameterBehind(property.getExpression(), modules, 0) ?? property.getExpression().getText().slice(0, 60);
    return runTimeTurn(expression, 'message-array');
  }
  return undefined;
}

/** The name of the options parameter a value is made from (through variables, calls' arguments and object literals), if any. */
function optionsParameterBehind(expression: Node, modules: ModuleLoader, depth: number): string | undefined {
  if (depth > MAX_OPTIONS_TRACE) return undefined;
  const node = unwrapExpression(expression);
  if (Node.isIdentifier(node)) {
    const declaration = findDeclaration(node, modules);
    if (declaration && Node.isParameterDeclaration(declaration)) return OPTIONS_PARAMETER.test(node.getText()) ? node.getText() : undefined;
    const initializer = declaration && initializerOf(declaration);
    return initializer ? optionsParameterBehind(initializer, modules, depth + 1) : undefined;
  }
  const parts = Node.isCallExpression(node) ? node.getArguments() : Node.isObjectLiteralExpression(node) ? node.getProperties().map((property) => (Node.isSpreadAssignment(property) ? property.getExpression() : Node.isPropertyAssignment(property) ? property.getInitializer() : Node.isShorthandPropertyAssignment(property) ? property.getNameNode() : undefined)) : [];
  for (const part of parts) {
    const found = part && optionsParameterBehind(part, modules, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * The prompt in a request's options object a caller passes (`{ ...modelOptions, system, prompt, schema }`): its
 * system or instructions, then its prompt or input, then its messages; Gemini's `contents` and the system instruction
 * in its `config` too. Empty when the object holds none of them.
 */
export function promptOfOptions(options: Node, modules: ModuleLoader): MessagesResult {
  const result: MessagesResult = { messages: [], hasImage: false };
  const object = resolveObjectLiteral(options, modules);
  if (!object) return result;
  const addTurns = (turnsNode: Node) => {
    const turns = resolveMessages(turnsNode, modules);
    result.messages.push(...turns.messages);
    result.hasImage ||= turns.hasImage;
  };
  // A list is turns; anything else one user message's text.
  const addTurnsOrText = (value: Node | undefined) => {
    const node = value && unwrapExpression(value);
    if (node && Node.isArrayLiteralExpression(node)) addTurns(node);
    else if (value) result.messages.push({ role: 'user', ...resolvePromptText(value, modules) });
  };
  const system = firstProperty(object, ['system', 'instructions'], modules) ?? getObjectProperty(getObjectProperty(object, 'config', modules), 'systemInstruction', modules);
  if (system) result.messages.push({ role: 'system', ...resolvePromptText(system, modules) });
  addTurnsOrText(firstProperty(object, ['prompt', 'input'], modules));
  const messages = getObjectProperty(object, 'messages', modules);
  if (messages) addTurns(messages);
  addTurnsOrText(getObjectProperty(object, 'contents', modules));
  return result;
}
