import * as path from 'node:path';
import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
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
  for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    if (call.getExpression().getText() !== 'fetch') continue;
    const [url, init] = call.getArguments();
    const target = url && unwrapExpression(url);
    if (!target || !(Node.isStringLiteral(target) || Node.isNoSubstitutionTemplateLiteral(target)) || target.getLiteralValue().split('?')[0] !== route) continue;
    const body = getObjectProperty(resolveObjectLiteral(init, modules), 'body', modules);
    const sent = body && unwrapExpression(body);
    if (!sent || !Node.isCallExpression(sent) || sent.getExpression().getText() !== 'JSON.stringify') continue;
    const sentObject = resolveObjectLiteral(sent.getArguments()[0], modules);
    const model = getObjectProperty(sentObject, 'model', modules) ?? spreadModel(sentObject, modules);
    if (model) models.push(model);
  }
  return models;
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
