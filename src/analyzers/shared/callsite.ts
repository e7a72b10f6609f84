import { replyNameOf } from './replyName';
import { escapeRegExp } from '../../model/regExp';
import { FRAMEWORK_EXPORT_NAMES, FUNCTION_WRAPPER_NAME, isComponentFile, REALTIME_AUDIO_TURN_TEXT } from '../../model/vocabulary';
import { Node, SyntaxKind, ts, type CallExpression, type ClassDeclaration, type MethodDeclaration, type SourceFile, type VariableDeclaration } from 'ts-morph';
import type { DetectedCall, RealtimeStep } from '../../model/types';
import type { AnalyzerContext } from '../analyzer';
import { agentLoopOf, imagePartsElsewhere, toolListEntryOf, toolListHandedWith } from './prompt';
import { validatedReplyOf } from './validatedReply';
import { isSettingsDefaultRef } from './modelValue';
import { vendorOfModel, vendorOfProvider } from './modelVendors';
import { isConstDeclaration, isFunctionNode, servedFunctionName, unwrapExpression } from './resolve';

/** The evidence of an image edit's input: the image it edits is sent with the prompt, so a model taking it must read images. */
export const IMAGE_EDIT_INPUT = 'images: an image edit sends the image it edits (and any reference images) with the prompt';

/** The evidence of a realtime session's streaming: the session it opens (or mints a key for) streams audio and text both ways. */
export const REALTIME_STREAMING = 'streaming: a realtime session streams audio and text both ways while it is open';

/** The 1-based span of the whole call expression. */
export function callSpan(call: Node): Pick<DetectedCall, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const sourceFile = call.getSourceFile();
  const start = sourceFile.getLineAndColumnAtPos(call.getStart());
  const end = sourceFile.getLineAndColumnAtPos(call.getEnd());
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** Name of the function, method or class member the call sits in (`TicketService.classify`), or null at top level. */
export function enclosingFunctionName(node: Node): string | null {
  for (let current = node.getParent(); current; current = current.getParent()) {
    if (Node.isFunctionDeclaration(current) || Node.isMethodDeclaration(current)) {
      const name = current.getName() ?? null;
      const owner = classNameOf(current.getParent());
      return owner && name ? `${owner}.${name}` : name;
    }
    if (Node.isArrowFunction(current) || Node.isFunctionExpression(current)) {
      const holder = current.getParent();
      if (holder && (Node.isVariableDeclaration(holder) || Node.isPropertyAssignment(holder) || Node.isPropertyDeclaration(holder)) && !isHandedOnCallback(current)) return holder.getName();
      const wrapped = wrappedFunctionHolder(current);
      if (wrapped) return wrapped.getName();
      const served = servedFunctionName(current);
      if (served) return served;
    }
  }
  return null;
}


/** A class's name: its own, or the variable's a class expression is held in (`var ChatGPTAPI = class { ... }`, as bundlers write classes). */
function classNameOf(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const cls = Node.isClassDeclaration(node) || Node.isClassExpression(node) ? node : node.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
  if (!cls) return undefined;
  const holder = Node.isClassExpression(cls) && !cls.getName() ? cls.getParent() : undefined;
  return holder && Node.isVariableDeclaration(holder) ? holder.getName() : cls.getName();
}

/**
 * `const summarizeFlow = ai.defineFlow(config, async (input) => { ... })` (also `traceable(async (text) => ..., options)`):
 * the variable holding what a function wrapper (`FUNCTION_WRAPPER_NAME`) makes of a function given inline, or undefined.
 */
export function wrappedFunctionHolder(fn: Node): VariableDeclaration | undefined {
  const call = fn.getParent();
  if (!call || !Node.isCallExpression(call) || !call.getArguments().includes(fn)) return undefined;
  const callee = call.getExpression();
  const name = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
  if (!name || !FUNCTION_WRAPPER_NAME.test(name)) return undefined;
  const holder = call.getParent();
  return holder && Node.isVariableDeclaration(holder) && Node.isIdentifier(holder.getNameNode()) ? holder : undefined;
}

/**
 * A function a local constant holds only to hand it to a call (`const apiCall = () => this.client.generateContent(...)`,
 * then `retryWithBackoff(apiCall)`, or run as `streamWithRetries.call(this)`): never called by that name nor handed out of
 * its scope (returned, or put in an object a hook returns), it runs while the function around it does, so that function is the one its request belongs to.
 */
export function isHandedOnCallback(fn: Node): boolean {
  const holder = fn.getParent();
  if (!holder || !Node.isVariableDeclaration(holder)) return false;
  const scope = holder.getFirstAncestor((ancestor) => Node.isFunctionDeclaration(ancestor) || Node.isMethodDeclaration(ancestor) || Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor) || Node.isConstructorDeclaration(ancestor));
  const nameNode = holder.getNameNode();
  if (!scope || !Node.isIdentifier(nameNode)) return false;
  const name = nameNode.getText();
  let passed = false;
  for (const mention of scope.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (mention === nameNode || mention.getText() !== name) continue;
    const parent = mention.getParent();
    // `streamWithRetries.call(this)`: run here, with its `this` set by hand.
    const invocation = parent?.getParent();
    const forwarded = parent && Node.isPropertyAccessExpression(parent) && (parent.getName() === 'call' || parent.getName() === 'apply') && invocation && Node.isCallExpression(invocation) && invocation.getExpression() === parent;
    if (!forwarded && (!parent || !Node.isCallExpression(parent) || parent.getExpression() === mention)) return false;
    passed = true;
  }
  return passed;
}

/**
 * The local function a request can never run in: one declared inside another function (`const normalChatMode =
 * async (...) => {...}` in a React hook, `function retry() {...}` in a method) whose name nothing else in that function
 * mentions, so nothing can call it (a local name cannot be reached from outside, and every way to hand it on, call it
 * or return it names it); likewise a module's own function, neither exported nor named anywhere else in its module (see
 * reachableFromOutside). Asked of each function around the request, innermost first. Read from the text, so a
 * mention in a comment or string, or a shadowing name, keeps the request: a miss here only keeps dead code listed.
 * How it reads (`normalChatMode`, declared inside `useMessage`; `generateAndSavePrecis`, a function of its module), or
 * undefined.
 */
export function neverCalledLocalFunction(request: Node): string | undefined {
  for (let current = request.getParent(); current; current = current.getParent()) {
    if (!Node.isFunctionLikeDeclaration(current)) continue;
    const holder = current.getParent();
    const deadMethod = Node.isMethodDeclaration(current) ? neverCalledScriptMethod(current) : undefined;
    if (deadMethod) return deadMethod;
    const nameNode = Node.isFunctionDeclaration(current) ? current.getNameNode() : holder && Node.isVariableDeclaration(holder) && (Node.isArrowFunction(current) || Node.isFunctionExpression(current)) ? holder.getNameNode() : undefined;
    if (!nameNode || !Node.isIdentifier(nameNode)) continue;
    const scope = current.getFirstAncestor((ancestor) => Node.isFunctionLikeDeclaration(ancestor));
    // A function of the module itself: dead only where no other file or page can reach it (see reachableFromOutside).
    if (!scope && reachableFromOutside(current, holder)) return undefined;
    const name = nameNode.getText();
    const mentions = mentionsOf(name, (scope ?? current.getSourceFile()).getText());
    if (mentions <= 1) return scope ? `\`${name}\`, declared inside \`${enclosingFunctionName(current) ?? 'an unnamed function'}\`` : `\`${name}\`, a function of its module`;
  }
  return undefined;
}

/**
 * A method of a class only its own file can reach, named nowhere else in that file: the class is neither exported nor
 * extends or implements anything (no base class or interface that could call the method by its name from elsewhere),
 * and the file is a module exporting nothing (a script run as a program: its instances never leave it by an export).
 * babyagi-ui's translator.cjs keeps `suggestKeyAndNamespace` this way. Read from the text like the rest: a mention
 * anywhere else in the file (`this[name]` with the name as a string too) keeps the request. How it reads, or undefined.
 */
function neverCalledScriptMethod(method: MethodDeclaration): string | undefined {
  const owner = method.getParent();
  const nameNode = method.getNameNode();
  if (!Node.isClassDeclaration(owner) || owner.hasExportKeyword() || owner.hasDefaultKeyword() || owner.getHeritageClauses().length > 0) return undefined;
  if (!Node.isIdentifier(nameNode)) return undefined;
  const file = method.getSourceFile();
  const shape = moduleShape(file);
  if (!shape.isModule || shape.exportsAnything) return undefined;
  const name = nameNode.getText();
  const mentions = mentionsOf(name, file.getFullText());
  return mentions <= 1 ? `\`${owner.getName() ?? 'its class'}.${name}\`, a method of a class its script keeps to itself` : undefined;
}

/**
 * The name of the exported function (or class) a call runs in, when nothing else in its own module names it
 * (`export async function suggestImprovement(...) { ... generateWithRetry(...) }`): only another file can call it,
 * so the scan asks whether any does (unnamedExports.ts). A function declaration, a const holding a function or a
 * class (its methods' requests), exported by keyword, at the top of a module; not a default export, nor a name
 * frameworks call by convention (route handlers, loaders), nor one in a component file (its markup may call it).
 * Undefined otherwise.
 */
export function exportNamedNowhereElse(request: Node): string | undefined {
  let statement: Node | undefined;
  let insideFunction = false;
  for (let current: Node | undefined = request; current; current = current.getParent()) {
    if (Node.isFunctionLikeDeclaration(current)) insideFunction = true;
    const parent = current.getParent();
    if (parent && Node.isSourceFile(parent)) statement = current;
  }
  if (!statement || !insideFunction) return undefined;
  let nameNode: Node | undefined;
  if (Node.isFunctionDeclaration(statement) && statement.hasExportKeyword() && !statement.hasDefaultKeyword()) nameNode = statement.getNameNode();
  // `export class BabyAGI { ... }`: a method's request runs only where some file makes or names the class. Not a class a
  // framework finds itself: one with decorators, or extending a package's class (a Cloudflare agent extends `Agent` of
  // 'agents' and is named in wrangler.jsonc, not in code).
  if (Node.isClassDeclaration(statement) && statement.hasExportKeyword() && !statement.hasDefaultKeyword() && statement.getDecorators().length === 0 && !extendsPackageClass(statement)) nameNode = statement.getNameNode();
  if (Node.isVariableStatement(statement) && statement.hasExportKeyword()) {
    const declarations = statement.getDeclarations();
    const initializer = declarations.length === 1 ? declarations[0].getInitializer() : undefined;
    if (initializer && (Node.isArrowFunction(initializer) || Node.isFunctionExpression(initializer))) nameNode = declarations[0].getNameNode();
  }
  if (!nameNode || !Node.isIdentifier(nameNode)) return undefined;
  const name = nameNode.getText();
  const file = request.getSourceFile();
  if (FRAMEWORK_EXPORT_NAMES.has(name) || isComponentFile(file.getFilePath())) return undefined;
  return mentionsOf(name, file.getFullText()) === 1 ? name : undefined;
}

/** Whether a class extends one imported from a package (`extends Agent<Env>` with `import { Agent } from 'agents'`). */
function extendsPackageClass(classNode: ClassDeclaration): boolean {
  const heritage = classNode.getExtends();
  if (!heritage) return false;
  let root: Node = heritage.getExpression();
  while (Node.isPropertyAccessExpression(root) || Node.isCallExpression(root)) root = root.getExpression();
  if (!Node.isIdentifier(root)) return true;
  const name = root.getText();
  return classNode.getSourceFile().getImportDeclarations().some((declaration) => !declaration.getModuleSpecifierValue().startsWith('.') && (declaration.getDefaultImport()?.getText() === name || declaration.getNamespaceImport()?.getText() === name || declaration.getNamedImports().some((named) => (named.getAliasNode() ?? named.getNameNode()).getText() === name)));
}

/** How many times a text names `name` as a whole word (a declaration, a call, a mention in a comment or string alike). */
function mentionsOf(name: string, text: string): number {
  return text.match(new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`, 'g'))?.length ?? 0;
}

/** CommonJS's export marks alone. */
const COMMON_JS_EXPORT = /(?<![\w$.])(?:module\.exports\b|exports\.[\w$]+\s*=)/;

/**
 * Whether a module-level function may be called from outside its file: it is exported, or its file is no module (a
 * classic script's functions are globals a page or another script may call), or a component's script (its markup,
 * which the scan blanks, may call it). An unexported function of a module (one with an import, an export, or CommonJS's
 * `require`/`module.exports`) is reached only by name from its own file.
 */
function reachableFromOutside(fn: Node, holder: Node | undefined): boolean {
  // Read from the syntax alone (export keywords, import and export statements): asking ts-morph whether a declaration
  // is exported binds the file's symbols, work the scan otherwise never does.
  if (Node.isFunctionDeclaration(fn) && fn.hasExportKeyword()) return true;
  const statement = holder && Node.isVariableDeclaration(holder) ? holder.getVariableStatement() : undefined;
  if (statement?.hasExportKeyword()) return true;
  const file = fn.getSourceFile();
  return isComponentFile(file.getFilePath()) || !moduleShape(file).isModule;
}

/**
 * Whether a file is a module (an import or export statement, or CommonJS's marks) and whether it hands anything to other
 * files (an export statement or keyword, or CommonJS's `module.exports` / `exports.x =`), read once per parse of the file
 * for all its calls: kept by the compiler's tree, which a re-parse of changed text replaces (the wrapper stays the same).
 */
function moduleShape(file: SourceFile): { isModule: boolean; exportsAnything: boolean } {
  let known = MODULE_SHAPES.get(file.compilerNode);
  if (known === undefined) {
    const text = file.getFullText();
    const statements = file.getStatements();
    const exportsAnything = statements.some((each) => Node.isExportDeclaration(each) || Node.isExportAssignment(each) || (Node.isModifierable(each) && each.hasModifier(SyntaxKind.ExportKeyword))) || COMMON_JS_EXPORT.test(text);
    known = { isModule: exportsAnything || statements.some((each) => Node.isImportDeclaration(each)) || COMMON_JS_REQUIRE.test(text), exportsAnything };
    MODULE_SHAPES.set(file.compilerNode, known);
  }
  return known;
}

const MODULE_SHAPES = new WeakMap<ts.SourceFile, { isModule: boolean; exportsAnything: boolean }>();

/** CommonJS's import mark (`require(...)`): a file using it is a module, its top-level names its own. */
const COMMON_JS_REQUIRE = /(?<![\w$.])require\s*\(/;

/**
 * The branch a request can never run in: the `if` around it tests a constant its module sets to `false`
 * (`const COMM_TEST_ON_LOAD = false; ... if (COMM_TEST_ON_LOAD) { await this.embed(testPrompt) }`), or `false` itself.
 * A switch the authors turned off is dead code until they edit it back. How the test reads (`if (COMM_TEST_ON_LOAD)`),
 * or undefined.
 */
export function disabledBranch(request: Node): string | undefined {
  let child: Node = request;
  for (let current = request.getParent(); current && !Node.isSourceFile(current); child = current, current = current.getParent()) {
    if (!Node.isIfStatement(current) || current.getThenStatement() !== child) continue;
    const condition = current.getExpression();
    if (alwaysFalse(condition)) return `\`if (${condition.getText()})\``;
  }
  return undefined;
}

/**
 * The earlier request a call repeats after it failed: the same request (sameRequest) made in the `try` block whose `catch`
 * holds this call (`catch (err) { ... await client.messages.create({ model:
 * fallbackModel, ... }) }`), or earlier in the function when this call runs under an `if` on that reply's status
 * (`if (response.status === 401) response = await fetch(url, { headers: { 'X-API-Key': key } })`). The retry bills only
 * when the first request fails: one request, read at the first. How the repeat reads, or undefined.
 */
export function retriedRequest(request: Node, earlier?: readonly Node[]): { first: Node; how: string } | undefined {
  const call = callAt(request);
  if (!call || !call.getFirstAncestor((ancestor) => Node.isCatchClause(ancestor) || Node.isIfStatement(ancestor))) return undefined;
  const fn = call.getFirstAncestor(isFunctionNode);
  // Without the requests found (a call of the app's helper): the function's own calls, listed only once a catch or a
  // status test around the call asks.
  const candidates = (): readonly Node[] => (earlier ??= (fn ?? call.getSourceFile()).getDescendantsOfKind(SyntaxKind.CallExpression));
  const same = (other: Node): boolean => {
    const first = callAt(other);
    return first !== undefined && first !== call && first.getStart() < call.getStart() && first.getFirstAncestor(isFunctionNode) === fn && sameRequest(first, call);
  };
  for (let child: Node = call, parent = call.getParent(); parent && parent !== fn; child = parent, parent = parent.getParent()) {
    if (Node.isCatchClause(parent)) {
      const tried = parent.getParentIfKind(SyntaxKind.TryStatement)?.getTryBlock();
      const first = tried && candidates().find((other) => same(other) && other.getStart() >= tried.getStart() && other.getEnd() <= tried.getEnd());
      if (first) return { first, how: 'in the `catch` of the `try` that makes it' };
    }
    if (Node.isIfStatement(parent) && parent.getThenStatement() === child && REPLY_STATUS_TEST.test(parent.getExpression().getText())) {
      const first = candidates().find((other) => same(other) && other.getEnd() <= parent.getStart());
      if (first) return { first, how: `under \`if (${parent.getExpression().getText().slice(0, 60)})\`` };
    }
  }
  return undefined;
}

/** A test of a reply's outcome: its HTTP status or `ok` (`response.status === 401`, `!res.ok`). */
const REPLY_STATUS_TEST = /\.(?:status|ok)\b/;

/**
 * The call a detected request starts at (its position is the call's start): the outermost one starting there, so
 * `this.client().messages.create(...)` is that call, not `this.client()`. Undefined when none starts there.
 */
function callAt(request: Node): CallExpression | undefined {
  const start = request.getStart();
  let found: CallExpression | undefined;
  for (let node: Node | undefined = request; node && node.getStart() === start; node = node.getParent()) {
    if (Node.isCallExpression(node)) found = node;
  }
  return found;
}

/**
 * The same request sent again: the same callee with the same input. Arguments are compared as written, but for the model,
 * the headers and the settings beside the input (a fallback model, another key header, a larger token limit): in an
 * options object, the fields that carry the input (`messages`, `prompt`, `body`, ...); elsewhere, every argument that
 * names no model. A retry re-prompting with other words (a reinforced instruction, the failed output to repair) is
 * another request.
 */
function sameRequest(first: CallExpression, second: CallExpression): boolean {
  if (first.getExpression().getText() !== second.getExpression().getText()) return false;
  const a = first.getArguments();
  const b = second.getArguments();
  if (a.length !== b.length) return false;
  // One argument may differ where the first call passes its model (`call(key, prompt, model)` then `call(key, prompt, fallback)`).
  const differing = a.filter((argument, index) => !sameInput(argument, b[index]));
  return differing.length === 0 || (differing.length === 1 && !Node.isObjectLiteralExpression(unwrapExpression(differing[0])) && NAMES_MODEL.test(differing[0].getText()));
}

function sameInput(a: Node, b: Node): boolean {
  const [left, right] = [unwrapExpression(a), unwrapExpression(b)];
  if (Node.isObjectLiteralExpression(left) && Node.isObjectLiteralExpression(right)) {
    const input = (object: typeof left): string => object.getProperties().filter((property) => !Node.isPropertyAssignment(property) && !Node.isShorthandPropertyAssignment(property) ? true : INPUT_FIELDS.has(property.getName().replace(/^(['"])(.*)\1$/, '$2'))).map((property) => property.getText()).join('\n');
    return input(left) === input(right);
  }
  return left.getText() === right.getText();
}

/** The fields of a request's options that carry its input (what is asked), as opposed to the model and settings. */
const INPUT_FIELDS = new Set(['messages', 'prompt', 'input', 'contents', 'system', 'instructions', 'body', 'data', 'json', 'text', 'query', 'content']);
/** An argument of the first request that names its model (`model`, `this.modelName`): the one a retry may swap. */
const NAMES_MODEL = /model/i;

/** `false`, `false as boolean`, a module constant set to false, or an `&&` with such an operand (`if (openai && false)`). */
function alwaysFalse(condition: Node): boolean {
  const test = unwrapExpression(condition);
  if (test.getKind() === SyntaxKind.FalseKeyword) return true;
  if (Node.isIdentifier(test)) return isModuleFalseConstant(test.getText(), test.getSourceFile());
  return Node.isBinaryExpression(test) && test.getOperatorToken().getKind() === SyntaxKind.AmpersandAmpersandToken && (alwaysFalse(test.getLeft()) || alwaysFalse(test.getRight()));
}

function isModuleFalseConstant(name: string, sourceFile: import('ts-morph').SourceFile): boolean {
  const declaration = sourceFile.getVariableDeclaration(name);
  return declaration !== undefined && isConstDeclaration(declaration.compilerNode) && declaration.getInitializer()?.getKind() === SyntaxKind.FalseKeyword;
}

/**
 * The `llm-advisor:` comment on the lines directly above the statement holding the call, or directly
 * above the call itself inside a longer statement (`return json(\n // llm-advisor: ...\n await llm.create(...))`):
 * every node from the statement down to the call is asked for its leading comments, so a comment on the
 * line above the call's first line is found wherever the call starts (the place the hints name).
 */
export function annotationComment(call: Node): { text: string; line: number } | undefined {
  const statement = call.getFirstAncestor((ancestor) => Node.isStatement(ancestor) || Node.isPropertyDeclaration(ancestor)) ?? call;
  const between: Node[] = [];
  for (let node: Node | undefined = call.getParent(); node && node !== statement; node = node.getParent()) between.unshift(node);
  const ranges = [...statement.getLeadingCommentRanges(), ...between.flatMap((node) => node.getLeadingCommentRanges()), ...call.getLeadingCommentRanges()];
  for (const range of ranges.reverse()) {
    const text = range.getText();
    if (/llm-advisor\s*:/.test(text)) {
      return { text, line: statement.getSourceFile().getLineAndColumnAtPos(range.getPos()).line };
    }
  }
  return undefined;
}

/** The last `depth` property names of a method as called (`chat.completions.create`), or '' when the chain is shorter. */
export function methodPath(method: ts.Expression, depth: number): string {
  // Raw compiler nodes: this runs on every call of every parsed file, and wrapping each link of
  // each callee chain in ts-morph nodes cost more than the rest of the matching.
  const names: string[] = [];
  let current: ts.Expression = method;
  while (ts.isPropertyAccessExpression(current) && names.length < depth) {
    names.unshift(current.name.text);
    current = current.expression;
  }
  return names.length === depth ? names.join('.') : '';
}

/** Walks a method as called, `a.b.c.d`, down `count` property accesses and returns the receiver (`a`). */
export function receiverOf(method: Node, count: number): Node | undefined {
  let current: Node = method;
  for (let index = 0; index < count; index++) {
    if (!Node.isPropertyAccessExpression(current)) return undefined;
    current = current.getExpression();
  }
  return current;
}

/**
 * The parts every realtime (speech-to-speech) session shares, over the SDK or a raw WebSocket: one
 * streamed chat session whose input is the user's audio, known only at run time.
 */
export function realtimeSession(): Pick<DetectedCall, 'endpoint' | 'maxOutputTokens' | 'features' | 'toolNames'> {
  return { endpoint: 'chat', maxOutputTokens: null, features: { streaming: true, tools: false, vision: false, structuredOutput: false }, toolNames: [] };
}

/**
 * Which request of a realtime session an OpenAI Realtime URL makes: `/v1/realtime/sessions`, `client_secrets` and
 * `transcription_sessions` mint one (with its model and config, an ephemeral key back); the bare endpoint (the
 * WebRTC offer, a WebSocket) and `/calls` connect to one. `intent=transcription` or a transcription session's
 * endpoint makes it a transcription-only session.
 */
export function realtimeStepOfUrl(urlText: string): RealtimeStep {
  const subpath = /\/realtime\/([a-z_]+)/.exec(urlText)?.[1];
  const mints = subpath === 'sessions' || subpath === 'client_secrets' || subpath === 'transcription_sessions';
  const transcription = subpath === 'transcription_sessions' || /[?&]intent=transcription(?:$|[&#])/.test(urlText);
  return { step: mints ? 'mint' : 'connect', session: transcription ? 'transcription' : 'conversation' };
}

/** A realtime conversation opened by an SDK session object (its `connect`, or the WebSocket it opens): the connect step. */
export function realtimeConnect(): RealtimeStep {
  return { step: 'connect', session: 'conversation' };
}

/** The user turn of a realtime session: audio, sized at run time. */
export function realtimeAudioTurn(): DetectedCall['messages'][number] {
  return { role: 'user', text: REALTIME_AUDIO_TURN_TEXT, holes: [{ kind: 'unknown', expression: 'audio' }] };
}

/** What an analyzer fills in; `toDetectedCall` adds the position, enclosing function and file. */
export type CallDraft = Pick<
  DetectedCall,
  'provider' | 'sdk' | 'runsOn' | 'method' | 'endpoint' | 'model' | 'messages' | 'maxOutputTokens' | 'features' | 'toolNames' | 'structuredOutputName' | 'forcedTool' | 'steps' | 'clientParameter' | 'clientMember' | 'evidence' | 'realtimeStep' | 'modelHandedIn'
>;

/** The SDK helpers that wait for a stream's end and hand back the whole reply (Anthropic's and OpenAI's stream helpers). */
const WHOLE_REPLY_METHOD = /^final(?:Message|Text|ChatCompletion|Content|Response)$/;

/**
 * `client.messages.stream({...}).finalMessage()`: a streaming request whose tokens nobody reads as they come, since
 * the code waits for the whole reply. The method's name, or undefined.
 */
function consumedWhole(call: Node): string | undefined {
  const access = call.getParent();
  if (!access || !Node.isPropertyAccessExpression(access) || access.getExpression() !== call) return undefined;
  const invoked = access.getParent();
  return WHOLE_REPLY_METHOD.test(access.getName()) && invoked && Node.isCallExpression(invoked) && invoked.getExpression() === access ? access.getName() : undefined;
}

/** A finish reason that says the answer stopped at the token limit: OpenAI's and the AI SDK's `length`, Anthropic's `max_tokens`. */
const CUT_OFF_REASON = /\b(?:finish_?reason|stop_?reason|finishReason|stopReason)\b[\s\S]*?(?:===?|!==?)\s*['"`](?:length|max_tokens)['"`]|['"`](?:length|max_tokens)['"`]\s*(?:===?|!==?)[\s\S]*?\b(?:finish_?reason|stop_?reason|finishReason|stopReason)\b/i;

/**
 * The test that makes a request a continuation of an answer cut off at the token limit, within its function: it sits
 * in the branch taken when the finish reason is `length` / `max_tokens`, or after an `if` that returns (or throws)
 * when it is not. The test's text, or undefined. Such a request runs for the share of answers that hit the limit.
 */
export function cutOffContinuationGuard(request: Node): string | undefined {
  // Asked for every request: the function's text settles it for nearly all, before any statement is looked at.
  const scope = request.getFirstAncestor((ancestor) => Node.isFunctionLikeDeclaration(ancestor)) ?? request.getSourceFile();
  if (!CUT_OFF_REASON.test(scope.getText())) return undefined;
  let node: Node = request;
  for (let parent = node.getParent(); parent; node = parent, parent = parent.getParent()) {
    if (Node.isFunctionLikeDeclaration(parent) || Node.isSourceFile(parent)) return undefined;
    if (Node.isIfStatement(parent) && parent.getThenStatement() === node) {
      const test = parent.getExpression().getText();
      if (CUT_OFF_REASON.test(test) && !/!==?/.test(test)) return test;
    }
    if (Node.isBlock(parent)) {
      for (const earlier of parent.getStatements()) {
        if (earlier === node || earlier.getStart() >= node.getStart()) break;
        if (!Node.isIfStatement(earlier) || earlier.getElseStatement()) continue;
        const test = earlier.getExpression().getText();
        if (!CUT_OFF_REASON.test(test) || !/!==?/.test(test)) continue;
        const branch = earlier.getThenStatement();
        const leaves = Node.isReturnStatement(branch) || Node.isThrowStatement(branch) || branch.getDescendants().some((inner) => Node.isReturnStatement(inner) || Node.isThrowStatement(inner));
        if (leaves) return `${test} returns before it`;
      }
    }
  }
  return undefined;
}

/** Sets or clears a call's `continuesCutOffAnswer` by where `request` stands: a wrapper-caller's is its own position's, not its helper's. */
export function markCutOffContinuation(call: DetectedCall, request: Node): void {
  const continuation = cutOffContinuationGuard(request);
  if (continuation) call.continuesCutOffAnswer = continuation;
  else delete call.continuesCutOffAnswer;
}

/** Completes an analyzer's draft with position, enclosing function and file. */
export function toDetectedCall(call: Node, context: Pick<AnalyzerContext, 'file' | 'modules'>, draft: CallDraft): DetectedCall {
  const { file, modules } = context;
  draft = withoutForeignSettingsDefault(draft);
  const whole = draft.features.streaming ? consumedWhole(call) : undefined;
  if (whole) draft = { ...draft, features: { ...draft.features, streaming: false }, evidence: [...draft.evidence, `not streamed to anyone: the stream is read whole with .${whole}() (streamed on the wire only, e.g. to avoid a non-streaming timeout)`] };
  const comment = annotationComment(call);
  // A request in a hand-written loop that feeds tool calls back is one step of an agent loop.
  const loop = draft.features.multiStep ? undefined : agentLoopOf(call);
  // Messages built elsewhere (the request's class, a function turning attachments into parts): their image parts travel with them.
  const imagesFrom = draft.features.vision ? undefined : imagePartsElsewhere(call, draft.messages, modules, draft.sdk);
  // The request function handed to a prompt-based tool-calling routine with the tool list chooses tools.
  const handed = draft.features.tools ? undefined : toolListHandedWith(call);
  // JSON asked for by prompt and checked against a schema after the reply is structured output; a loop that re-sends it with the error is a repair loop.
  const validated = validatedReplyOf(call);
  const repair = loop || draft.features.multiStep ? undefined : validated?.repair;
  const features = { ...draft.features, tools: draft.features.tools || handed !== undefined, vision: draft.features.vision || imagesFrom !== undefined, structuredOutput: draft.features.structuredOutput || validated !== undefined, multiStep: draft.features.multiStep ?? (loop !== undefined || repair !== undefined) };
  const steps = draft.steps ?? loop ?? repair;
  const evidence = [...draft.evidence, ...(loop ? [`multi-step: ${loop.basis}`] : []), ...(validated && !draft.features.structuredOutput ? [`structured output: ${validated.structured}`] : []), ...(repair ? [`multi-step: ${repair.basis}`] : []), ...(handed ? [`tools: this request is handed to \`${handed.callee}\` with the tool list \`${handed.toolList}\` (line ${handed.line}), which picks tools from the reply`] : []), ...(imagesFrom !== undefined ? [imagesFrom] : [])];
  // A request that takes its tools through a method's tool-list parameter may be one step of a loop in another file.
  const entry = features.tools && !features.multiStep ? (handed ? handed.entry : toolListEntryOf(call)) : undefined;
  const continuation = cutOffContinuationGuard(call);
  const exported = exportNamedNowhereElse(call);
  return { file, ...callSpan(call), ...draft, features, ...(exported ? { exportedFunction: exported } : {}), ...(continuation ? { continuesCutOffAnswer: continuation } : {}), ...(steps ? { steps } : {}), ...(entry ? { toolListEntry: entry } : {}), ...(imagesFrom !== undefined ? { imagesElsewhere: true } : {}), evidence, enclosingFunction: enclosingFunctionName(call), ...replyNameField(call), ...(comment ? { annotationComment: comment } : {}) };
}

/** A model guessed from the app's default settings (modelValue.ts) that the request's provider does not serve: not taken. */
function withoutForeignSettingsDefault(draft: CallDraft): CallDraft {
  const id = draft.model.id;
  if (id === null || !isSettingsDefaultRef(draft.model)) return draft;
  const modelVendor = vendorOfModel(id);
  const providerVendor = vendorOfProvider(draft.provider);
  if (!modelVendor || !providerVendor || modelVendor === providerVendor) return draft;
  return { ...draft, model: { id: null, raw: draft.model.raw, source: 'dynamic' }, evidence: [...draft.evidence, `the app's default settings give ${id}, which ${draft.provider} does not serve: not taken as this request's model`] };
}

/** `{ replyName }` when the code names the call's reply (replyName.ts), else nothing: absent rather than undefined, as a stored result reads back. */
export function replyNameField(call: Node): { replyName?: string } {
  const replyName = replyNameOf(call);
  return replyName !== undefined ? { replyName } : {};
}
