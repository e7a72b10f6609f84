import * as path from 'node:path';
import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import type { ModuleLoader } from './modules';
import { nearbySourceFiles } from './nearbyFiles';
import { findDeclaration, getObjectProperty, resolveObjectLiteral, unwrapExpression } from './resolve';

/**
 * The app's own client code calling its API route: a Next.js route handler (`app/api/chat/route.ts`,
 * `pages/api/chat.ts`) that reads the model from the request body sends what the app's pages and
 * helpers put in `fetch('/api/chat', { body: JSON.stringify({ model, ... }) })`. Those values are the
 * models the route runs with, in the order the files are found. Syntactic only; nothing is run.
 */

/** Files read when looking for the route's callers; more is a monorepo, read for its first ones. */
const MAX_FILES = 400;
/** Folder levels below the app's folder searched. */
const MAX_DEPTH = 8;
const SKIPPED_FOLDER = /^(?:node_modules|dist|build|out|coverage|\..*)$/;

/** The URL path a Next.js route file serves and the folder holding the app (`app/` or `pages/`'s parent), or undefined. */
export function routeOfFile(filePath: string): { route: string; appRoot: string } | undefined {
  const posix = filePath.split(path.sep).join('/');
  const appRouter = /^(.*)\/(?:src\/)?app\/(.*)\/route\.[cm]?[jt]sx?$/.exec(posix);
  if (appRouter) return { route: `/${appRouter[2].replace(/\/?\([^)]*\)/g, '')}`, appRoot: appRouter[1] };
  const pagesRouter = /^(.*)\/(?:src\/)?pages\/(api\/.*?)(?:\/index)?\.[cm]?[jt]sx?$/.exec(posix);
  if (pagesRouter) return { route: `/${pagesRouter[2]}`, appRoot: pagesRouter[1] };
  return undefined;
}

/** Per scan: route → the model expressions its callers send (the search reads files once per route). */
const FOUND = new WeakMap<ModuleLoader, Map<string, Node[]>>();

/**
 * The `model` expressions the workspace's own `fetch(route, { body: JSON.stringify({...}) })` calls send to
 * the route the node's file serves; empty when the file is no route or nothing calls it.
 */
export function routeCallerModels(node: Node, modules: ModuleLoader): Node[] {
  const home = node.getSourceFile();
  const served = routeOfFile(home.getFilePath());
  if (!served || served.route === '/') return [];
  const cache = FOUND.get(modules) ?? new Map<string, Node[]>();
  FOUND.set(modules, cache);
  const key = `${served.appRoot}\0${served.route}`;
  const known = cache.get(key);
  if (known && !known.some((model) => model.wasForgotten())) return known;
  const models: Node[] = [];
  for (const file of callerFiles(served.appRoot, served.route, home, modules)) models.push(...modelsSentTo(file, served.route, modules));
  cache.set(key, models);
  return models;
}

/** Source files under the app's folder whose text names the route in quotes, loaded through the module loader. */
function callerFiles(appRoot: string, route: string, home: SourceFile, modules: ModuleLoader): SourceFile[] {
  const quoted = new RegExp(`['"\`]${route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`?]`);
  const files = nearbySourceFiles(appRoot, { maxDepth: MAX_DEPTH, maxFiles: MAX_FILES, skipFolder: SKIPPED_FOLDER, skipFile: (_name, full) => full === home.getFilePath(), matches: (text) => quoted.test(text) });
  return files.flatMap((full) => {
    const loaded = modules.resolvePath(home, full);
    return loaded ? [loaded] : [];
  });
}

/** `fetch('/api/x', { body: JSON.stringify({ model }) })` calls of a file to the route: their `model` expressions. */
function modelsSentTo(file: SourceFile, route: string, modules: ModuleLoader): Node[] {
  const models: Node[] = [];
  for (const { sent } of fetchesTo(file, route, modules)) {
    const sentObject = resolveObjectLiteral(sent, modules);
    const model = getObjectProperty(sentObject, 'model', modules) ?? spreadModel(sentObject, modules);
    if (model) models.push(model);
  }
  return models;
}

/** A `fetch` of the app's own code to a route with a JSON body: the call and the value it stringifies. */
export interface RouteFetch {
  call: CallExpression;
  sent: Node;
}

/** `fetch('/api/x', { body: JSON.stringify(sent) })` calls of a file to the route. */
function fetchesTo(file: SourceFile, route: string, modules: ModuleLoader): RouteFetch[] {
  const found: RouteFetch[] = [];
  for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    if (call.getExpression().getText() !== 'fetch') continue;
    const [url, init] = call.getArguments();
    const target = url && unwrapExpression(url);
    if (!target || !(Node.isStringLiteral(target) || Node.isNoSubstitutionTemplateLiteral(target)) || target.getLiteralValue().split('?')[0] !== route) continue;
    const body = getObjectProperty(resolveObjectLiteral(init, modules), 'body', modules);
    const stringified = body && unwrapExpression(body);
    if (!stringified || !Node.isCallExpression(stringified) || stringified.getExpression().getText() !== 'JSON.stringify' || !stringified.getArguments()[0]) continue;
    found.push({ call, sent: stringified.getArguments()[0] });
  }
  return found;
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
function spreadModel(object: Node | undefined, modules: ModuleLoader): Node | undefined {
  if (!object || !Node.isObjectLiteralExpression(object)) return undefined;
  for (const spread of object.getProperties().filter(Node.isSpreadAssignment)) {
    const source = unwrapExpression(spread.getExpression());
    const parameter = Node.isIdentifier(source) ? findDeclaration(source, modules) : undefined;
    const fn = parameter && Node.isParameterDeclaration(parameter) ? parameter.getParent() : undefined;
    if (!parameter || !fn || !(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) continue;
    const name = Node.isFunctionDeclaration(fn) ? fn.getName() : fn.getParentIfKind(SyntaxKind.VariableDeclaration)?.getName();
    const index = fn.getParameters().findIndex((candidate) => candidate === parameter);
    if (!name || index < 0) continue;
    for (const call of fn.getSourceFile().getDescendantsOfKind(SyntaxKind.CallExpression)) {
      if (call.getExpression().getText() !== name || !call.getArguments()[index]) continue;
      const model = getObjectProperty(resolveObjectLiteral(call.getArguments()[index], modules), 'model', modules);
      if (model) return model;
    }
  }
  return undefined;
}
