import * as path from 'node:path';
import { escapeRegExp } from '../model/regExp';
import { MODULE_FILE_SUFFIXES } from '../model/vocabulary';

/**
 * Which workspace files reach which modules through relative imports, read with regular
 * expressions (never a parse): the scan uses it to decide which files that the prefilter ruled out
 * still need parsing (they import a client or model from a module that uses an SDK, possibly
 * through barrels) and where a wrapper's callers can be.
 */

/** Barrels of barrels are common (`src/index.ts` → `src/llm/index.ts` → `src/llm/client.ts`); longer chains are not, and the analyzers' own resolution stops soon after. */
export const MAX_BARREL_HOPS = 5;

const RELATIVE_IMPORT = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)['"](\.{1,2}\/[^'"]+|\.\.?)['"]/g;

/** `export * from './x'`, `export * as ns from './x'`, `export { a, default as b } from './x'` (not `export type`). */
const RE_EXPORT_FROM = /\bexport\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*['"](\.{1,2}\/[^'"]+|\.\.?)['"]/g;
/** CommonJS barrels: `module.exports = require('./x')`, `module.exports = { ...require('./x') }`. */
const COMMONJS_RE_EXPORT = /\bmodule\.exports\s*=\s*require\s*\(\s*['"](\.{1,2}\/[^'"]+|\.\.?)['"]|\.\.\.\s*require\s*\(\s*['"](\.{1,2}\/[^'"]+|\.\.?)['"]/g;
/** `import llm, { a as b } from './x'`: the clause and the specifier (type-only imports never reach run time). */
const RELATIVE_IMPORT_CLAUSE = /\bimport\s+(?!type\s)([\w$*{][^'";]*?)\s*from\s*['"](\.{1,2}\/[^'"]+|\.\.?)['"]/g;
/** An import statement, taken out before looking for imported names an object holds (its own `{ a, b }` is no object). */
const IMPORT_STATEMENT = /\bimport\s[^;'"]*?from\s*['"][^'"]+['"]/g;
/** `export { llm, fast as quick }` without `from`: a list of local names. */
const LOCAL_EXPORT_LIST = /\bexport\s*\{([^}]*)\}(?!\s*from)/g;
/** `export default llm;` of a local (possibly imported) name. */
const EXPORT_DEFAULT_NAME = /\bexport\s+default\s+([\w$]+)\s*(?:;|$)/gm;
/** `export const openai = _openai;`: an exported const that is another (possibly imported) name. */
const EXPORT_CONST_NAME = /\bexport\s+const\s+[\w$]+\s*=\s*([\w$]+)\s*(?:;|$)/gm;

const MIGHT_RE_EXPORT = /\bexport\s*[*{]|\bexport\s+(?:default|const\s+[\w$]+\s*=)\s+[\w$]+\s*(?:;|$)|\bmodule\.exports\s*=|\.\.\.\s*require\s*\(/m;

/**
 * A workspace path alias in an import (`~/lib/llm`, `@/lib/llm`, `$lib/server/llm`, `#/llm`), a
 * scoped package (`@org/documents/embed`), which in a monorepo may be a package of the workspace, or a
 * bare path (`src/services/llm`), which a tsconfig's `baseUrl` resolves in the workspace (a package's
 * subpath, `next/server`, names no helper's file).
 */
const ALIAS_IMPORT = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)['"]((?:~|@|#|\$[\w]+)\/[^'"]+|@[\w.-]+\/[\w.-]+(?:\/[^'"]+)?|[\w-][\w.-]*\/[^'"]+)['"]/g;

/** Module specifiers through a workspace path alias (`~/lib/llm`) or a scoped package, as written; neither is resolved. */
export function aliasImportsOf(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(ALIAS_IMPORT)) found.add(match[1]);
  return [...found].map(detached);
}


/**
 * A copy of a string that does not point into the text it was matched in. V8 represents a regular
 * expression's capture as a slice of the subject string, so keeping `'./model'` for every file kept
 * every file's whole text alive until the scan ended: 250 MB of a 30,000-file scan's peak.
 */
export function detached(slice: string): string {
  return Buffer.from(slice, 'utf8').toString('utf8');
}

/** Relative module specifiers a file imports or re-exports (`'./model'`, `'..'`). */
export function relativeImportsOf(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(RELATIVE_IMPORT)) found.add(match[1]);
  return [...found].map(detached);
}

/**
 * Relative specifiers whose exports this file passes on: `export ... from`, a binding imported
 * and then exported (`import { llm } from './model'; export { llm }` or `export default llm`), and
 * CommonJS barrels.
 */
export function reExportsOf(text: string): string[] {
  // One scan rules out most files (`export function`, `export interface` pass nothing on) before the detailed ones.
  if (!MIGHT_RE_EXPORT.test(text)) return [];
  const found = new Set<string>();
  for (const match of text.matchAll(RE_EXPORT_FROM)) found.add(match[1]);
  for (const match of text.matchAll(COMMONJS_RE_EXPORT)) found.add(match[1] ?? match[2]);
  const exported = locallyExportedNames(text);
  if (exported.size > 0) {
    // `const Meet = { OpenAI: { getGPTResponse } }; export default Meet`: an exported object holding imported functions
    // passes them on as a barrel does (`Meet.OpenAI.getGPTResponse(...)` in the files importing it).
    const exportsObject = [...exported].some((name) => new RegExp(`\\b(?:const|let|var)\\s+${escapeRegExp(name)}\\s*(?::[^=]*)?=\\s*\\{`).test(text));
    const code = exportsObject ? text.replace(IMPORT_STATEMENT, '') : '';
    for (const match of text.matchAll(RELATIVE_IMPORT_CLAUSE)) {
      const names = boundNames(match[1]);
      if (names.some((name) => exported.has(name)) || (exportsObject && names.some((name) => new RegExp(`(?:[{,]|:\\s*)\\s*${escapeRegExp(name)}\\s*[,}]`).test(code)))) found.add(match[2]);
    }
  }
  return [...found].map(detached);
}

/**
 * The entries of an import or export list (`a, b as c, type d`), each as the names written around
 * `as` (`['b', 'c']`, `['d']`); empty entries (a trailing comma) are left out.
 */
export function specifierListEntries(list: string): string[][] {
  return list
    .split(',')
    .map((entry) => entry.trim().replace(/^type\s+/, '').split(/\s+as\s+/))
    .filter((parts) => parts[0]);
}

function locallyExportedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(LOCAL_EXPORT_LIST)) {
    for (const [local] of specifierListEntries(match[1])) names.add(local);
  }
  for (const match of text.matchAll(EXPORT_DEFAULT_NAME)) names.add(match[1]);
  for (const match of text.matchAll(EXPORT_CONST_NAME)) names.add(match[1]);
  return names;
}

/** Local names an import clause binds: `llm`, `{ a, b as c }` → a, c; `* as ns` → ns. */
function boundNames(clause: string): string[] {
  const names: string[] = [];
  const named = /\{([^}]*)\}/.exec(clause);
  for (const parts of specifierListEntries(named?.[1] ?? '')) {
    const local = parts[parts.length - 1];
    if (local) names.push(local);
  }
  const rest = clause.replace(/\{[^}]*\}/, '');
  const namespace = /\*\s*as\s+([\w$]+)/.exec(rest);
  if (namespace) names.push(namespace[1]);
  const defaultName = /^\s*([\w$]+)/.exec(rest);
  if (defaultName) names.push(defaultName[1]);
  return names;
}

/** Whether a relative specifier written in `fromFile` resolves to one of `modules` (absolute paths). */
export function importsAny(fromFile: string, specifier: string, modules: ReadonlySet<string>): boolean {
  for (const candidate of modulePathsOf(fromFile, specifier)) if (modules.has(candidate)) return true;
  return false;
}

/**
 * The scan asks the same question of every file several times (SDK importers, helper importers,
 * wrapper importers, each barrel hop); resolving the paths once saved about half a second of a
 * 30,000-file scan. Bounded so an editor session never grows it without end.
 */
const modulePathsCache = new Map<string, readonly string[]>();
const MODULE_PATHS_CACHE_ENTRIES = 50_000;

/** Every absolute path a relative specifier written in `fromFile` may name (with each module extension). */
function modulePathsOf(fromFile: string, specifier: string): readonly string[] {
  const directory = path.dirname(fromFile);
  const key = `${directory}\u0000${specifier}`;
  let paths = modulePathsCache.get(key);
  if (paths) return paths;
  const base = path.resolve(directory, specifier);
  const stem = base.replace(/\.(m|c)?js$/, '');
  paths = [...new Set(MODULE_FILE_SUFFIXES.flatMap((extension) => [stem + extension, base + extension]))];
  if (modulePathsCache.size >= MODULE_PATHS_CACHE_ENTRIES) modulePathsCache.clear();
  modulePathsCache.set(key, paths);
  return paths;
}

/** What the graph needs to know of one file. */
export interface ModuleImports {
  absolutePath: string;
  relativeImports?: readonly string[];
  reExports?: readonly string[];
}

export class ImportGraph {
  private readonly barrels: ModuleImports[];
  /**
   * Built on the first `withBarrels`: for each barrel (in `barrels`' order), every path its re-exports may name. The
   * scan asks at each helper level of the caller search and for the SDK and wrapper modules, each hop over every barrel.
   */
  private barrelTargets: ReadonlyArray<readonly string[]> | undefined;
  /** Built on the first `importersOf`: each file of the graph → the files whose relative imports may name it. */
  private importerIndex: { byModule: Map<string, string[]>; files: Set<string> } | undefined;

  constructor(private readonly files: readonly ModuleImports[]) {
    this.barrels = files.filter((file) => file.reExports && file.reExports.length > 0);
  }

  /**
   * The files (absolute paths) whose relative imports name one of `modules`: `importsAnyOf` for
   * every file at once. The scan asks it at each helper level of the caller search, the SDK
   * importers and the wrapper importers; testing every file's imports each time cost about 100 ms
   * of a midday scan. So each file's specifiers are resolved once per graph, to the files of the
   * graph they may name, and a question only looks up its modules; a module outside the graph
   * (which no index entry can name) is still tested file by file.
   */
  importersOf(modules: ReadonlySet<string>): Set<string> {
    const index = (this.importerIndex ??= this.indexImporters());
    const importers = new Set<string>();
    const outside = new Set<string>();
    for (const module of modules) {
      const found = index.byModule.get(module);
      if (found) for (const importer of found) importers.add(importer);
      else if (!index.files.has(module)) outside.add(module);
    }
    if (outside.size > 0) for (const file of this.files) if (!importers.has(file.absolutePath) && importsAnyOf(file, outside)) importers.add(file.absolutePath);
    return importers;
  }

  private indexImporters(): { byModule: Map<string, string[]>; files: Set<string> } {
    const files = new Set(this.files.map((file) => file.absolutePath));
    const byModule = new Map<string, string[]>();
    for (const file of this.files) {
      for (const specifier of file.relativeImports ?? []) {
        for (const candidate of modulePathsOf(file.absolutePath, specifier)) {
          if (!files.has(candidate)) continue;
          const importers = byModule.get(candidate);
          if (!importers) byModule.set(candidate, [file.absolutePath]);
          else if (importers[importers.length - 1] !== file.absolutePath) importers.push(file.absolutePath);
        }
      }
    }
    return { byModule, files };
  }

  /**
   * The given modules and every barrel that passes on their exports, directly or through other
   * barrels, up to MAX_BARREL_HOPS. Each hop only looks at barrels not yet reached, so cycles end.
   */
  withBarrels(modules: ReadonlySet<string>): Set<string> {
    const reached = new Set(modules);
    let frontier: ReadonlySet<string> = modules;
    for (let hop = 0; hop < MAX_BARREL_HOPS && frontier.size > 0; hop++) {
      const next = new Set<string>();
      const targets = (this.barrelTargets ??= this.barrels.map((barrel) => barrel.reExports!.flatMap((specifier) => modulePathsOf(barrel.absolutePath, specifier))));
      this.barrels.forEach((barrel, index) => {
        if (!reached.has(barrel.absolutePath) && targets[index].some((target) => frontier.has(target))) next.add(barrel.absolutePath);
      });
      for (const module of next) reached.add(module);
      frontier = next;
    }
    return reached;
  }
}

/** Whether the file imports (or re-exports) one of `modules`. */
export function importsAnyOf(file: ModuleImports, modules: ReadonlySet<string>): boolean {
  return file.relativeImports?.some((specifier) => importsAny(file.absolutePath, specifier, modules)) ?? false;
}

/**
 * Whether a file may import a workspace package by name from a package that depends on it: `dependents`
 * maps each package name to its dependents' folders. A scoped name (`@org/ai`) is written in the file's
 * alias imports, so the file must name it there; an unscoped one (`typechat`) is not kept per file (every
 * file imports some registry package), so every file of a dependent may call it and the caller search's
 * own text test decides.
 */
export function workspaceDependents(dependents: ReadonlyMap<string, readonly string[]>): (absolutePath: string, aliasImports: readonly string[] | undefined) => boolean {
  if (dependents.size === 0) return () => false;
  // By dependent folder (with its trailing separator): a file looks up its own ancestor folders, a few
  // lookups, where testing every folder of every package per file cost 0.1-0.3 s of a midday scan.
  const packagesByFolder = new Map<string, Array<{ name: string; scoped: boolean }>>();
  for (const [name, folders] of dependents) {
    for (const folder of folders) {
      const key = folder + path.sep;
      const packages = packagesByFolder.get(key) ?? [];
      packages.push({ name, scoped: name.startsWith('@') });
      packagesByFolder.set(key, packages);
    }
  }
  // The packages whose dependents hold a folder (those of its ancestors, itself included), once per folder: the
  // files of a folder share them, and the caller search asks about every file of the workspace at each level.
  const packagesAbove = new Map<string, ReadonlyArray<{ name: string; scoped: boolean }>>();
  return (absolutePath, aliasImports) => {
    const folder = absolutePath.slice(0, absolutePath.lastIndexOf(path.sep) + 1);
    let packages = packagesAbove.get(folder);
    if (!packages) {
      const found: Array<{ name: string; scoped: boolean }> = [];
      for (let separator = folder.indexOf(path.sep); separator !== -1; separator = folder.indexOf(path.sep, separator + 1)) found.push(...(packagesByFolder.get(folder.slice(0, separator + 1)) ?? []));
      packagesAbove.set(folder, (packages = found));
    }
    return packages.some(({ name, scoped }) => !scoped || (aliasImports ?? []).some((specifier) => specifier === name || specifier.startsWith(`${name}/`)));
  };
}
