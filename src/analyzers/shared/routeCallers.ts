import * as path from 'node:path';
import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import type { ModuleLoader } from './modules';
import { APP_SEARCH, appRoot, nearbySourceFiles } from './nearbyFiles';
import { findDeclaration, getObjectProperty, initializerOf, isSerializerCall, namedFunctionParameter, resolveObjectLiteral, resolveString, servedFunctionName, unwrapExpression } from './resolve';
import { escapeRegExp } from '../../model/regExp';

/**
 * The app's own client code calling its API route: a Next.js route handler (`app/api/chat/route.ts`,
 * `pages/api/chat.ts`) that reads the model from the request body sends what the app's pages and
 * helpers put in `fetch('/api/chat', { body: JSON.stringify({ model, ... }) })`. Those values are the
 * models the route runs with, in the order the files are found. A request the route makes only under a test
 * of the body (`if (body.text?.format?.type === 'json_schema') return structured(body)`) runs with the callers
 * whose body passes it: those come first (one setting the tested field to the value, then one setting its parent
 * by a helper call), and callers whose body lacks the field are left out when any passes. Syntactic only; nothing is run.
 */

/** Files read when looking for the route's callers; more is a monorepo, read for its first ones. */
const MAX_FILES = 400;

/** The URL path a Next.js route file serves and the folder holding the app (`app/` or `pages/`'s parent), or undefined. */
export function routeOfFile(filePath: string): { route: string; appRoot: string } | undefined {
  const posix = filePath.split(path.sep).join('/');
  const appRouter = /^(.*)\/(?:src\/)?app\/(.*)\/route\.[cm]?[jt]sx?$/.exec(posix);
  if (appRouter) return { route: `/${appRouter[2].replace(/\/?\([^)]*\)/g, '')}`, appRoot: appRouter[1] };
  const pagesRouter = /^(.*)\/(?:src\/)?pages\/(api\/.*?)(?:\/index)?\.[cm]?[jt]sx?$/.exec(posix);
  if (pagesRouter) return { route: `/${pagesRouter[2]}`, appRoot: pagesRouter[1] };
  return undefined;
}

/** A `model` a caller sends and the object literal it sends it in (undefined when not a literal). */
interface SentModel {
  model: Node;
  sent: Node | undefined;
}

/** Per scan: route → the model expressions its callers send (the search reads files once per route). */
const FOUND = new WeakMap<ModuleLoader, Map<string, SentModel[]>>();

/**
 * The `model` expressions the workspace's own `fetch(route, { body: JSON.stringify({...}) })` calls send to
 * the route the node's file serves; empty when the file is no route or nothing calls it. `request` is the
 * request's own model expression, for the test of the body it runs under.
 */
export function routeCallerModels(node: Node, modules: ModuleLoader, request: Node = node): Node[] {
  const home = node.getSourceFile();
  const served = routeOfFile(home.getFilePath());
  if (!served || served.route === '/') return [];
  const cache = FOUND.get(modules) ?? new Map<string, SentModel[]>();
  FOUND.set(modules, cache);
  const key = `${served.appRoot}\0${served.route}`;
  let models = cache.get(key);
  if (!models || models.some((entry) => entry.model.wasForgotten() || entry.sent?.wasForgotten())) {
    models = [];
    for (const file of callerFiles(served.appRoot, served.route, home, modules)) models.push(...modelsSentTo(file, served.route, modules));
    cache.set(key, models);
  }
  // The test is around the request (or the call of its function), not where the body is read.
  const guard = request.getSourceFile() === home ? bodyGuard(request) : undefined;
  if (!guard) return models.map((entry) => entry.model);
  const ranked = models.map((entry) => ({ entry, rank: passesGuard(entry.sent, guard, modules) }));
  if (!ranked.some((item) => item.rank > 0)) return models.map((entry) => entry.model);
  return ranked.filter((item) => item.rank > 0).sort((a, b) => b.rank - a.rank).map((item) => item.entry.model);
}

/** A test of the request body a route's request runs under: the property path tested, the value compared with, and which branch. */
interface BodyGuard {
  path: string[];
  value: string;
  /** True when the request runs where the test holds (`if` branch of `===`, `else` of `!==`). */
  holds: boolean;
}

/**
 * The `if (body.a?.b?.c === 'x')` the request runs under, in the route file: around the request itself, or around
 * the one call of the function holding it (`return await structured(openai, body)`), as its `if` or `else` branch
 * or as what follows an `if` that returns. Undefined for anything else.
 */
function bodyGuard(node: Node): BodyGuard | undefined {
  const inside = (inner: Node, outer: Node | undefined): boolean => outer !== undefined && outer.getPos() <= inner.getPos() && inner.getEnd() <= outer.getEnd();
  const within = (inner: Node): BodyGuard | undefined => {
    for (const statement of inner.getAncestors().filter(Node.isIfStatement)) {
      const guard = guardOfCondition(statement.getExpression());
      if (!guard) continue;
      const inThen = inside(inner, statement.getThenStatement());
      if (inThen || inside(inner, statement.getElseStatement())) return { ...guard, holds: inThen === guard.holds };
    }
    // After an early return: `if (test) { return a(); } return b();` runs `b` where the test fails.
    for (const statement of inner.getAncestors()) {
      const block = statement.getParent();
      if (!block || !(Node.isBlock(block) || Node.isSourceFile(block))) continue;
      for (const earlier of block.getStatements().slice(0, Math.max(0, block.getStatements().findIndex((candidate) => candidate === statement))).reverse()) {
        if (!Node.isIfStatement(earlier) || earlier.getElseStatement()) continue;
        const then = earlier.getThenStatement();
        const last = Node.isBlock(then) ? then.getStatements().at(-1) : then;
        const guard = guardOfCondition(earlier.getExpression());
        if (guard && last && (Node.isReturnStatement(last) || Node.isThrowStatement(last))) return { ...guard, holds: !guard.holds };
      }
    }
    return undefined;
  };
  const own = within(node);
  if (own) return own;
  const fn = node.getFirstAncestor((ancestor) => Node.isFunctionDeclaration(ancestor));
  const name = fn && Node.isFunctionDeclaration(fn) ? fn.getName() : undefined;
  if (!name) return undefined;
  const calls = node.getSourceFile().getDescendantsOfKind(SyntaxKind.CallExpression).filter((call) => call.getExpression().getText() === name);
  return calls.length === 1 ? within(calls[0]) : undefined;
}

/** `body.a?.b === 'x'` / `'x' !== body.a.b`: the path below the root and the value (`holds` false for `!==`); undefined for any other test. */
function guardOfCondition(condition: Node): BodyGuard | undefined {
  const test = unwrapExpression(condition);
  if (!Node.isBinaryExpression(test)) return undefined;
  const operator = test.getOperatorToken().getKind();
  const equal = operator === SyntaxKind.EqualsEqualsEqualsToken || operator === SyntaxKind.EqualsEqualsToken;
  if (!equal && operator !== SyntaxKind.ExclamationEqualsEqualsToken && operator !== SyntaxKind.ExclamationEqualsToken) return undefined;
  const [left, right] = [unwrapExpression(test.getLeft()), unwrapExpression(test.getRight())];
  const literal = Node.isStringLiteral(right) ? right : Node.isStringLiteral(left) ? left : undefined;
  const access = literal === right ? left : right;
  if (!literal || !Node.isPropertyAccessExpression(access)) return undefined;
  const path: string[] = [];
  let current: Node = access;
  while (Node.isPropertyAccessExpression(current)) {
    path.unshift(current.getName());
    current = unwrapExpression(current.getExpression());
  }
  if (!Node.isIdentifier(current) || path.length < 2) return undefined;
  return { path, value: literal.getLiteralValue(), holds: equal };
}

/**
 * How well a caller's body passes the guard: 2 when it sets the tested field to a value that passes (or, where
 * the test must fail, lacks it), 1 when it sets the field or its parent by a call the scan does not follow
 * (`format: zodTextFormat(schema, 'out')`: for an `=== 'json_schema'` test, the SDK's helper building that
 * value), 0 when it fails. A body that is no literal ranks 0 where the test must hold, 1 where it must fail.
 */
function passesGuard(sent: Node | undefined, guard: BodyGuard, modules: ModuleLoader): number {
  if (!sent) return guard.holds ? 0 : 1;
  let object: Node | undefined = sent;
  for (let index = 0; index < guard.path.length; index++) {
    const value = getObjectProperty(object, guard.path[index], modules);
    if (!value) return guard.holds ? 0 : 2;
    const unwrapped = unwrapExpression(value);
    if (index === guard.path.length - 1) {
      if (!Node.isStringLiteral(unwrapped) && !Node.isNoSubstitutionTemplateLiteral(unwrapped)) return 1;
      return (unwrapped.getLiteralValue() === guard.value) === guard.holds ? 2 : 0;
    }
    const literal = resolveObjectLiteral(unwrapped, modules);
    if (!literal || !Node.isObjectLiteralExpression(literal)) return Node.isCallExpression(unwrapped) || !guard.holds ? 1 : 0;
    object = literal;
  }
  return 0;
}

/** Per scan: route file → the files under its app whose text names its route (absolute paths), found once. */
const CALLER_PATHS = new WeakMap<ModuleLoader, Map<string, string[]>>();

/**
 * Source files under the app's folder whose text names the route in quotes, loaded through the module loader.
 * The walk (up to MAX_FILES files read) is made once per route file: the route's models are worked out again when
 * a tree they came from was released, and the proxy route search asks too.
 */
function callerFiles(appRoot: string, route: string, home: SourceFile, modules: ModuleLoader, quoted = new RegExp(`['"\`]${escapeRegExp(route)}['"\`?]`)): SourceFile[] {
  const cache = CALLER_PATHS.get(modules) ?? new Map<string, string[]>();
  CALLER_PATHS.set(modules, cache);
  const homePath = home.getFilePath() as string;
  // A file can serve several routes (`app.post('/a', ...)`, `exports.a = onRequest(...)`): each has its callers.
  const key = `${homePath}\0${route}`;
  let files = cache.get(key);
  if (!files) {
    // `export const LLM_ENDPOINTS = { chat: '/api/chat' }` in a config module: the callers name the constant, not the path.
    const holders = new Set<string>();
    const namesRoute = (text: string): boolean => {
      if (!quoted.test(text)) return false;
      for (const holder of exportedHoldersOf(text, quoted)) holders.add(holder);
      return true;
    };
    files = nearbySourceFiles(appRoot, { ...APP_SEARCH, maxFiles: MAX_FILES, skipFile: (_name, full) => full === homePath, matches: namesRoute });
    if (holders.size > 0) {
      const named = new RegExp(`\\b(?:${[...holders].map(escapeRegExp).join('|')})\\b`);
      const known = new Set(files);
      files = [...files, ...nearbySourceFiles(appRoot, { ...APP_SEARCH, maxFiles: MAX_FILES, skipFile: (_name, full) => full === homePath || known.has(full), matches: (text) => named.test(text) })];
    }
    cache.set(key, files);
  }
  return files.flatMap((full) => {
    const loaded = modules.resolvePath(home, full);
    return loaded ? [loaded] : [];
  });
}

/** The names of the consts a module's text exports whose value writes the quoted route (`export const ENDPOINTS = { chat: '/api/chat' }`). */
function exportedHoldersOf(text: string, quoted: RegExp): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/export\s+const\s+([\w$]+)\s*(?::[^=]+)?=\s*/g)) {
    // The const's value up to the next top-level statement: enough to see whether it writes the path.
    const rest = text.slice(match.index! + match[0].length);
    const end = rest.search(/\n(?:export\s|const\s|function\s|class\s|import\s)/);
    if (quoted.test(end < 0 ? rest : rest.slice(0, end))) names.push(match[1]);
  }
  return names;
}

/** `fetch('/api/x', { body: JSON.stringify({ model }) })` calls of a file to the route: their `model` expressions. */
function modelsSentTo(file: SourceFile, route: string, modules: ModuleLoader): SentModel[] {
  const models: SentModel[] = [];
  for (const { sent } of fetchesTo(file, route, modules)) {
    const sentObject = resolveObjectLiteral(sent, modules);
    const own = getObjectProperty(sentObject, 'model', modules);
    const sentModel = own ? { model: own, sent: sentObject } : spreadModel(sentObject, modules);
    if (sentModel) models.push(sentModel);
  }
  return models;
}

/** A `fetch` of the app's own code to a route with a JSON body: the call and the value it stringifies. */
export interface RouteFetch {
  call: CallExpression;
  sent: Node;
  /** Set for `supabase.functions.invoke('<name>', { body })`: an edge function invoked by name, not a route fetched. */
  invokesEdgeFunction?: true;
  /** Set for a fetch of a Firebase HTTPS function's URL (`${BASE}/proxyResponses`): the function's name. */
  firebaseFunction?: string;
}

/**
 * `fetch('/api/x', { body: JSON.stringify(sent) })` calls of a file to the route (the path written there, or a constant holding it:
 * `fetch(ENDPOINTS.chat, ...)`); with `suffix`, calls to any URL whose path ends with it (`${FUNCTIONS_BASE}/chat`). The fetch
 * may be the app's own wrapper of it (`appCheckFetch(url, init)`, `authFetch(url, init)`), which takes the same arguments.
 */
function fetchesTo(file: SourceFile, route: string, modules: ModuleLoader, match: 'path' | 'suffix' = 'path'): RouteFetch[] {
  const found: RouteFetch[] = [];
  for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    if (!FETCH_LIKE.test(call.getExpression().getText())) continue;
    const [url, init] = call.getArguments();
    const target = url && unwrapExpression(url);
    if (!target) continue;
    const written = match === 'suffix' ? writtenUrl(target, modules) : Node.isStringLiteral(target) || Node.isNoSubstitutionTemplateLiteral(target) ? target.getLiteralValue() : Node.isPropertyAccessExpression(target) || Node.isIdentifier(target) ? resolveString(target, modules).value : undefined;
    const pathWritten = written?.split('?')[0];
    if (match === 'suffix' ? !pathWritten?.endsWith(route) : pathWritten !== route) continue;
    const body = getObjectProperty(resolveObjectLiteral(init, modules), 'body', modules);
    const stringified = body && unwrapExpression(body);
    if (!stringified || !isSerializerCall(stringified) || !stringified.getArguments()[0]) continue;
    found.push({ call, sent: stringified.getArguments()[0] });
  }
  return found;
}

/** `fetch`, or an app's function named for wrapping it with the same arguments (`appCheckFetch`, `authFetch`). */
const FETCH_LIKE = /^(?:fetch|[\w$]*Fetch)$/;

/** How deep a URL's constants are followed to their text. */
const MAX_URL_HOPS = 3;

/** A URL as written, constants followed, a template's run-time parts left as `${...}`: enough to see how its path ends. */
function writtenUrl(node: Node, modules: ModuleLoader, depth = 0): string | undefined {
  const url = unwrapExpression(node);
  if (Node.isStringLiteral(url) || Node.isNoSubstitutionTemplateLiteral(url)) return url.getLiteralValue();
  if (Node.isTemplateExpression(url)) return url.getText().slice(1, -1);
  if (Node.isBinaryExpression(url) && url.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
    const right = writtenUrl(url.getRight(), modules, depth);
    return right === undefined ? undefined : `${writtenUrl(url.getLeft(), modules, depth) ?? '${}'}${right}`;
  }
  if (depth >= MAX_URL_HOPS || (!Node.isIdentifier(url) && !Node.isPropertyAccessExpression(url))) return undefined;
  const resolved = resolveString(url, modules).value;
  if (resolved !== null) return resolved;
  const declaration = Node.isIdentifier(url) ? findDeclaration(url, modules) : undefined;
  const initializer = declaration && initializerOf(declaration);
  return initializer ? writtenUrl(initializer, modules, depth + 1) : undefined;
}

/** HTTP methods whose handler takes a request body. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * A proxy route: a Next.js App Router handler (`export async function POST(req)`) that reads the JSON body
 * (`const body = await req.json()`) and hands the whole of it on as the request's options (`create({ ...body,
 * stream: false })`, directly or through a function of the same file it passes `body` to). Its callers compose
 * the request (model, prompt, tools) in the browser and post it: each of the app's `fetch(route, { body:
 * JSON.stringify(...) })` calls is the feature, not the route. A route that builds the request from fields
 * of the body (`body.message`) is the feature itself. `site` is the request (or the call leading to it) in the handler.
 */
export function proxyRouteFetches(handler: Node, site: Node, modules: ModuleLoader): RouteFetch[] | undefined {
  const bodyName = proxiedBodyName(handler);
  if (!bodyName || !Node.isCallExpression(site) || !passesWhole(site, bodyName, 0)) return undefined;
  const served = routeOfFile(handler.getSourceFile().getFilePath());
  if (!served || served.route === '/') return undefined;
  return callerFiles(served.appRoot, served.route, handler.getSourceFile(), modules).flatMap((file) => fetchesTo(file, served.route, modules));
}

/** The calls a server framework registers a route with: Express's and Hono's `app.post(path, handler)`, Connect's and Vite's `middlewares.use(path, handler)`. */
const ROUTE_REGISTRARS = new Set(['use', 'post', 'put', 'patch', 'all']);

/** The fields of a request body that carry what a model is asked: a chat's turns, a completion's prompt. */
const ASKED_FIELDS = ['messages', 'prompt', 'input', 'contents'];
/** The fields carrying a conversation's turns (Chat Completions' and Anthropic's, the Responses API's, Gemini's). */
const TURN_FIELDS = ['messages', 'input', 'contents'];

/**
 * A proxy route a server framework registers (`server.middlewares.use('/api/chat', async (req, res) => { ... })` in a Vite
 * plugin, `app.post('/api/chat', async (req, res) => { ... })`) whose request sends the turns the incoming body holds
 * (`const { model, system, messages } = JSON.parse(body)`, `req.body.messages`, `await c.req.json()`): the client composes
 * the request and posts it, so each of the app's `fetch` calls posting to the path is the feature, as for a Next.js proxy
 * route (proxyRouteFetches). `site` is the request. Undefined when the request is in no such route.
 */
export function registeredProxyRouteFetches(site: Node, modules: ModuleLoader): RouteFetch[] | undefined {
  if (!Node.isCallExpression(site)) return undefined;
  const registered: RegisteredHandler | undefined = registeredRoute(site) ?? edgeFunctionHandler(site) ?? firebaseFunctionHandler(site);
  if (!registered) return undefined;
  const incoming = incomingBodyNames(registered.handler);
  // A serverless function sending a posted `prompt` on (an image generation, a completion) writes the request around it
  // itself, often one of several the function picks between by other fields: only the conversation's turns (or the whole
  // body) make its callers the features (social-media-scheduler's `generate-content` invoked for text was read as its DALL·E request).
  const fields = registered.serverless ? TURN_FIELDS : ASKED_FIELDS;
  if (incoming.size === 0 || !sendsIncomingTurns(site, incoming, modules, fields)) return undefined;
  const home = site.getSourceFile();
  // A serverless function's folder is a project of its own (Deno's for an edge function, `functions/` with its own
  // package.json for Firebase): the app calling it is the workspace's.
  const root = registered.serverless ? path.resolve(modules.root) : appRoot(path.dirname(home.getFilePath()), modules.root);
  if (registered.serverless === 'supabase') return callerFiles(root, registered.route, home, modules).flatMap((file) => invocationsOf(file, registered.route, modules));
  if (registered.serverless === 'firebase') {
    // The app fetches the function at `https://<region>-<project>.cloudfunctions.net/<name>`, mostly with a base it configures: `${BASE}/<name>`.
    const urlEnd = `/${registered.route}`;
    const named = new RegExp(`${escapeRegExp(urlEnd)}['"\`?]`);
    return callerFiles(root, urlEnd, home, modules, named).flatMap((file) => fetchesTo(file, urlEnd, modules, 'suffix').map((fetch) => ({ ...fetch, firebaseFunction: registered.route })));
  }
  return callerFiles(root, registered.route, home, modules).flatMap((file) => fetchesTo(file, registered.route, modules));
}

/** A handler the app's code registers to serve requests, and the path (or name) its callers reach it by. */
interface RegisteredHandler {
  route: string;
  handler: Node;
  /** A serverless function, reached by its name: a Supabase Edge Function (invoked), a Firebase HTTPS function (fetched). */
  serverless?: 'supabase' | 'firebase';
}

/** A Supabase Edge Function's file (`supabase/functions/<name>/index.ts`): the function's name, which its callers invoke it by. */
const EDGE_FUNCTION_FILE = /(?:^|\/)supabase\/functions\/([\w-]+)\/index\.[cm]?[jt]sx?$/;

/** The name a Supabase Edge Function's entry file serves under; undefined for any other file and for shared code (`_shared`). */
function edgeFunctionName(filePath: string): string | undefined {
  const name = EDGE_FUNCTION_FILE.exec(filePath.split(path.sep).join('/'))?.[1];
  return name && !name.startsWith('_') ? name : undefined;
}

/** Whether a file is a Supabase Edge Function's entry (its handler is registered with `serve(...)`, not by a route path). */
export function isEdgeFunctionFile(filePath: string): boolean {
  return edgeFunctionName(filePath) !== undefined;
}

/**
 * The handler a Supabase Edge Function serves (`serve(async (req) => { ... })` from Deno's std, or `Deno.serve(...)`)
 * around the node, with the function's name as its route: the app invokes it as `supabase.functions.invoke('<name>', { body })`.
 */
function edgeFunctionHandler(node: Node): RegisteredHandler | undefined {
  const name = edgeFunctionName(node.getSourceFile().getFilePath());
  const found = name ? handlerRegisteredBy(node, (callee) => /^(?:Deno\.)?serve$/.test(callee.getText())) : undefined;
  return name && found ? { route: name, handler: found.handler, serverless: 'supabase' } : undefined;
}

/** Whether a module's text defines Firebase Cloud Functions (it loads `firebase-functions`). */
export function definesFirebaseFunctions(text: string): boolean {
  return text.includes('firebase-functions');
}

/**
 * The handler of a Firebase HTTPS function around the node, with the function's exported name as its route:
 * `exports.proxyResponses = onRequest({ region }, async (req, res) => { ... })` (v2) or `exports.chat =
 * functions.region('us-central1').https.onRequest(async (req, res) => { ... })` (v1). The app fetches it at `.../<name>`.
 */
function firebaseFunctionHandler(node: Node): RegisteredHandler | undefined {
  if (!definesFirebaseFunctions(node.getSourceFile().getFullText())) return undefined;
  const found = handlerRegisteredBy(node, (callee) => /(?:^|\.)onRequest$/.test(callee.getText()));
  const name = found && servedFunctionName(found.handler);
  return found && name ? { route: name, handler: found.handler, serverless: 'firebase' } : undefined;
}

/**
 * `supabase.functions.invoke('<name>', { body: { messages, model } })` calls of a file to the edge function of that name:
 * each call and the body it sends (the client serializes it).
 */
function invocationsOf(file: SourceFile, name: string, modules: ModuleLoader): RouteFetch[] {
  const found: RouteFetch[] = [];
  for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = unwrapExpression(call.getExpression());
    if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'invoke' || !/(?:^|\.)functions$/.test(callee.getExpression().getText())) continue;
    const [target, options] = call.getArguments();
    if (!target || resolveString(target, modules).value !== name) continue;
    const body = getObjectProperty(resolveObjectLiteral(options, modules), 'body', modules);
    if (body) found.push({ call, sent: body, invokesEdgeFunction: true });
  }
  return found;
}

/** The handler a route registration around the node hands the framework, and the route's path: `app.post('/api/chat', handler)`. */
function registeredRoute(node: Node): { route: string; handler: Node } | undefined {
  const found = handlerRegisteredBy(node, (callee) => Node.isPropertyAccessExpression(callee) && ROUTE_REGISTRARS.has(callee.getName()));
  if (!found) return undefined;
  const [routePath] = found.registration.getArguments();
  const route = routePath && (Node.isStringLiteral(routePath) || Node.isNoSubstitutionTemplateLiteral(routePath)) ? routePath.getLiteralValue() : undefined;
  return route?.startsWith('/') && route.length > 1 ? { route, handler: found.handler } : undefined;
}

/**
 * The nearest function around the node that is handed as an argument to a call whose callee `registers` accepts
 * (`app.post(path, handler)`, Deno's `serve(handler)`), and that call.
 */
function handlerRegisteredBy(node: Node, registers: (callee: Node) => boolean): { handler: Node; registration: CallExpression } | undefined {
  for (const fn of node.getAncestors()) {
    if (!Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn)) continue;
    const registration = fn.getParent();
    if (!registration || !Node.isCallExpression(registration) || !registration.getArguments().some((argument) => argument === fn)) continue;
    if (registers(registration.getExpression())) return { handler: fn, registration };
  }
  return undefined;
}

/**
 * The names a handler holds the incoming request body under: a variable set from `req.body`, `await req.json()` (or
 * `c.req.json()`), or `JSON.parse(...)` of what it read, and the names destructured from any of them.
 */
function incomingBodyNames(handler: Node): Set<string> {
  const names = new Set<string>();
  const [request] = Node.isArrowFunction(handler) || Node.isFunctionExpression(handler) ? handler.getParameters() : [];
  const requestName = request && Node.isIdentifier(request.getNameNode()) ? request.getName() : undefined;
  const readsBody = (value: Node | undefined): boolean => {
    const read = value && unwrapExpression(value);
    if (!read) return false;
    if (Node.isPropertyAccessExpression(read)) return read.getName() === 'body' && read.getExpression().getText() === requestName;
    if (Node.isIdentifier(read)) return names.has(read.getText());
    // `req.body || {}`: the body, or nothing when none was posted.
    if (Node.isBinaryExpression(read) && [SyntaxKind.BarBarToken, SyntaxKind.QuestionQuestionToken].includes(read.getOperatorToken().getKind())) return readsBody(read.getLeft());
    if (!Node.isCallExpression(read)) return false;
    const callee = read.getExpression().getText();
    return callee === 'JSON.parse' || (requestName !== undefined && (callee === `${requestName}.json` || callee === `${requestName}.req.json`));
  };
  const take = (target: Node): void => {
    if (Node.isIdentifier(target)) names.add(target.getText());
    else if (Node.isObjectBindingPattern(target)) for (const element of target.getElements()) names.add(element.getName());
  };
  for (const declaration of handler.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) if (readsBody(declaration.getInitializer())) take(declaration.getNameNode());
  for (const assignment of handler.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    if (assignment.getOperatorToken().getKind() === SyntaxKind.EqualsToken && Node.isIdentifier(assignment.getLeft()) && readsBody(assignment.getRight())) names.add(assignment.getLeft().getText());
  }
  // `const { model, messages } = parsed` after `parsed = JSON.parse(body)`: a second pass takes what is destructured from those.
  for (const declaration of handler.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) if (readsBody(declaration.getInitializer())) take(declaration.getNameNode());
  return names;
}

/** Whether the request's options send the incoming body's turns: `messages` (or `prompt`, ...) read from it, or the body spread in whole. */
function sendsIncomingTurns(site: CallExpression, incoming: ReadonlySet<string>, modules: ModuleLoader, fields: readonly string[] = ASKED_FIELDS): boolean {
  // `fetch(upstream, { body: JSON.stringify(body) })` with the incoming body itself: all of it is sent on.
  const sent = serializedBody(site, modules);
  if (sent && Node.isIdentifier(unwrapExpression(sent)) && incoming.has(unwrapExpression(sent).getText())) return true;
  const options = requestOptions(site, modules);
  if (!options || !Node.isObjectLiteralExpression(options)) return false;
  if (options.getProperties().some((property) => Node.isSpreadAssignment(property) && incoming.has(unwrapExpression(property.getExpression()).getText()))) return true;
  const readsIncoming = (value: Node | undefined): boolean => {
    const read = value && unwrapExpression(value);
    if (!read) return false;
    if (Node.isIdentifier(read)) return incoming.has(read.getText());
    // `messages || [{ role: 'user', content: prompt }]`: the turns posted, else one built from a posted prompt.
    if (Node.isBinaryExpression(read) && [SyntaxKind.BarBarToken, SyntaxKind.QuestionQuestionToken].includes(read.getOperatorToken().getKind())) return readsIncoming(read.getLeft());
    return Node.isPropertyAccessExpression(read) && incoming.has(read.getExpression().getText());
  };
  return fields.some((field) => readsIncoming(getObjectProperty(options, field, modules)));
}

/** A request's options: an SDK call's first argument, or the object a `fetch(url, { body: JSON.stringify(...) })` serializes. */
function requestOptions(site: CallExpression, modules: ModuleLoader): Node | undefined {
  const serialized = serializedBody(site, modules);
  if (serialized) return resolveObjectLiteral(serialized, modules);
  const [first] = site.getArguments();
  return first && resolveObjectLiteral(first, modules);
}

/** What a `fetch(url, { body: JSON.stringify(value) })` serializes: `value`. */
function serializedBody(site: CallExpression, modules: ModuleLoader): Node | undefined {
  const init = site.getArguments()[1];
  const body = init && getObjectProperty(resolveObjectLiteral(init, modules), 'body', modules);
  const serialized = body && unwrapExpression(body);
  return serialized && Node.isCallExpression(serialized) && isSerializerCall(serialized) ? serialized.getArguments()[0] : undefined;
}

/** `export async function POST(req) { const body = await req.json(); ... }`: `body`. */
function proxiedBodyName(handler: Node): string | undefined {
  // `hasExportKeyword`, not `isExported`: the latter asks the type checker, which builds a program of the workspace.
  if (!Node.isFunctionDeclaration(handler) || !BODY_METHODS.has(handler.getName() ?? '') || !handler.hasExportKeyword()) return undefined;
  const request = handler.getParameters()[0];
  const requestName = request && Node.isIdentifier(request.getNameNode()) ? request.getName() : undefined;
  if (!requestName) return undefined;
  for (const declaration of handler.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
    const read = declaration.getInitializer() && unwrapExpression(declaration.getInitializer()!);
    if (Node.isIdentifier(declaration.getNameNode()) && read && Node.isCallExpression(read) && read.getExpression().getText() === `${requestName}.json`) return declaration.getName();
  }
  return undefined;
}

/** How many functions of the route's file a body may be handed through before the request. */
const MAX_PROXY_HOPS = 3;

/**
 * Whether a call hands the value `name` on whole: as an argument, or spread into an object literal argument. When the
 * callee is a function of the same file, its parameter in that place must in turn be handed on whole by a call in it.
 */
function passesWhole(call: CallExpression, name: string, depth: number): boolean {
  const index = call.getArguments().findIndex((argument) => isWhole(argument, name));
  if (index < 0) return false;
  const callee = unwrapExpression(call.getExpression());
  // Logging or copying the body is not sending it.
  if (Node.isPropertyAccessExpression(callee)) return !/^(?:console|JSON|Object)$/.test(callee.getExpression().getText());
  if (!Node.isIdentifier(callee)) return false;
  const fn = call.getSourceFile().getFunction(callee.getText());
  if (!fn) return true;
  const parameter = fn.getParameters()[index];
  if (!parameter || !Node.isIdentifier(parameter.getNameNode()) || depth >= MAX_PROXY_HOPS) return false;
  return fn.getDescendantsOfKind(SyntaxKind.CallExpression).some((inner) => passesWhole(inner, parameter.getName(), depth + 1));
}

/** `body`, `{ ...body, stream: false }` (also `{ ...(body as any) }`). */
function isWhole(argument: Node, name: string): boolean {
  const value = unwrapExpression(argument);
  if (Node.isIdentifier(value)) return value.getText() === name;
  return Node.isObjectLiteralExpression(value) && value.getProperties().some((property) => Node.isSpreadAssignment(property) && unwrapExpression(property.getExpression()).getText() === name);
}

/**
 * `JSON.stringify({ ...body, stream: false })` in a helper whose `body` is a parameter: the `model` of the
 * object its callers in the same file pass (`const body = { model: 'gpt-4.1', ... }; send(body)`).
 */
function spreadModel(object: Node | undefined, modules: ModuleLoader): SentModel | undefined {
  if (!object || !Node.isObjectLiteralExpression(object)) return undefined;
  for (const spread of object.getProperties().filter(Node.isSpreadAssignment)) {
    const source = unwrapExpression(spread.getExpression());
    const parameter = Node.isIdentifier(source) ? findDeclaration(source, modules) : undefined;
    const place = parameter && Node.isParameterDeclaration(parameter) ? namedFunctionParameter(parameter) : undefined;
    if (!place) continue;
    const { fn, name, index } = place;
    for (const call of fn.getSourceFile().getDescendantsOfKind(SyntaxKind.CallExpression)) {
      if (call.getExpression().getText() !== name || !call.getArguments()[index]) continue;
      const passed = resolveObjectLiteral(call.getArguments()[index], modules);
      const model = getObjectProperty(passed, 'model', modules);
      if (model) return { model, sent: passed };
    }
  }
  return undefined;
}
