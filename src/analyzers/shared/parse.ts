import { ts, type Project, type SourceFile } from 'ts-morph';

type CompilerFactory = { getSourceFile(file: ts.SourceFile, options: { markInProject: boolean }): SourceFile };

/**
 * Parses a module into the project, like `project.createSourceFile(path, text, { overwrite: true })`,
 * but without parsing JSDoc, which no analyzer reads: on a cold scan of a 25 MB repo that is about
 * 0.1 s of the parse. ts-morph offers no public way to pass the parser's `jsDocParsingMode`, so the
 * compiler node is made here and handed to ts-morph's compiler factory (the analyzer tests fail if
 * that internal ever changes; without it, the public call is used).
 */
export function parseIntoProject(project: Project, filePath: string, text: string): SourceFile {
  const factory = (project as unknown as { _context?: { compilerFactory?: Partial<CompilerFactory> } })._context?.compilerFactory;
  if (typeof factory?.getSourceFile !== 'function') return project.createSourceFile(filePath, text, { overwrite: true });
  const existing = project.getSourceFile(filePath);
  if (existing) project.removeSourceFile(existing);
  // ts-morph drops a byte-order mark before parsing; positions then match what it would report.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const fileName = standardizedPath(filePath);
  const compilerFile = keptForLaterLooks.take(fileName, source) ?? recentlyParsed.take(fileName, source) ?? ts.createSourceFile(fileName, source, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true);
  recentlyParsed.keep(compilerFile);
  return (factory as CompilerFactory).getSourceFile(compilerFile, { markInProject: true });
}

/** ts-morph's internals that `removeAnalyzedFile` uses: the factory's cache of wrappers by compiler node, and a wrapper's own forgetting. */
interface WrapperCache {
  hasCompilerNode(node: ts.Node): boolean;
  getExistingNodeFromCompilerNode(node: ts.Node): ForgettableWrapper;
}
interface ForgettableWrapper {
  _wrappedChildCount: number;
  _forgetOnlyThis(): void;
  forget(): void;
}

/**
 * `project.removeSourceFile(sourceFile)`, the same wrappers forgotten, at a fraction of the cost. ts-morph forgets
 * a file by listing every wrapped node's children its own way (tokens, syntax lists and comment nodes included,
 * the comments found by scanning the text), to find which of them it wrapped: 2.1 s of a cold 30,000-file scan,
 * which removes each file after its analysis. Wrapping a node wraps all its ancestors, so the wrapped nodes of a
 * file are a tree from its root: this walks that tree over the compiler's own children (`ts.forEachChild`),
 * children first as ts-morph does, and forgets each node alone; only a node that keeps other wrapped children
 * (a syntax list, a token or a comment node ts-morph made) is handed to ts-morph's own `forget`, which forgets
 * those. Without the internals (another ts-morph version), the public call.
 */
export function removeAnalyzedFile(project: Project, sourceFile: SourceFile): void {
  const cache = (sourceFile as unknown as { _context?: { compilerFactory?: Partial<WrapperCache> } })._context?.compilerFactory;
  if (sourceFile.wasForgotten()) return;
  if (typeof cache?.hasCompilerNode !== 'function' || typeof cache.getExistingNodeFromCompilerNode !== 'function') {
    project.removeSourceFile(sourceFile);
    return;
  }
  const wrappers = cache as WrapperCache;
  const forgetWrapped = (node: ts.Node): void => {
    if (!wrappers.hasCompilerNode(node)) return;
    ts.forEachChild(node, forgetWrapped);
    forgetAlone(wrappers.getExistingNodeFromCompilerNode(node));
  };
  ts.forEachChild(sourceFile.compilerNode, forgetWrapped);
  forgetAlone(sourceFile as unknown as ForgettableWrapper);
}

function forgetAlone(wrapper: ForgettableWrapper): void {
  if (wrapper._wrappedChildCount > 0 || typeof wrapper._forgetOnlyThis !== 'function') wrapper.forget();
  else wrapper._forgetOnlyThis();
}

/**
 * Compiler trees kept by file name, up to a bound on their text: a parse of identical text takes the kept
 * tree instead. The compiler's tree of the same text is the same tree (ts-morph never changes it; a
 * removed file only loses its wrappers). `whenFull`: make room by forgetting the oldest trees, or keep the
 * first ones and refuse the rest.
 */
class KeptTrees {
  private readonly trees = new Map<string, ts.SourceFile>();
  private keptCharacters = 0;

  constructor(
    private readonly maxCharacters: number,
    private readonly whenFull: 'forget-oldest' | 'refuse',
  ) {}

  take(fileName: string, text: string): ts.SourceFile | undefined {
    const kept = this.trees.get(fileName);
    return kept !== undefined && kept.text === text ? kept : undefined;
  }

  keep(tree: ts.SourceFile): void {
    this.forget(tree.fileName);
    if (tree.text.length > this.maxCharacters) return;
    if (this.whenFull === 'refuse' && this.keptCharacters + tree.text.length > this.maxCharacters) return;
    this.trees.set(tree.fileName, tree);
    this.keptCharacters += tree.text.length;
    // Oldest first (a Map keeps insertion order).
    for (const [fileName] of this.trees) {
      if (this.keptCharacters <= this.maxCharacters) break;
      this.forget(fileName);
    }
  }

  clear(): void {
    this.trees.clear();
    this.keptCharacters = 0;
  }

  private forget(fileName: string): void {
    const kept = this.trees.get(fileName);
    if (kept === undefined) return;
    this.trees.delete(fileName);
    this.keptCharacters -= kept.text.length;
  }
}

/**
 * The scan removes each analyzed file from the project (memory), and a later step often parses it again:
 * a module the next file follows, a helper's file in the caller search (on midday 32 of 173 parses were
 * such repeats), so the most recent trees are kept. About 1 MB of source: a few dozen modules, whose trees
 * take some tens of MB.
 */
const recentlyParsed = new KeptTrees(1_000_000, 'forget-oldest');

/**
 * The trees of the files a scan found calls in, kept from their analysis until the scan's later looks are done
 * (`releaseTreesKeptForLaterLooks`): each such file may hold a helper, whose file the wrapper-caller search parses
 * again. The recent trees above cannot hold them: on the generated 30,000-file tree the search visits its 750 helper
 * files (6.6 M characters) in an order that evicts each before its turn, and parsed all of them again (1.3 s of a
 * 10 s scan). The first ones up to the bound are kept, none evicted; the trees take about 24 bytes per character of
 * source (TypeScript's own, JSDoc not parsed), so at most about 190 MB, and those the search parses it would hold
 * until its end anyway.
 */
const keptForLaterLooks = new KeptTrees(8_000_000, 'refuse');

/** Keeps an analyzed file's tree for the scan's later looks (the caller search), so they need not parse it again. */
export function keepTreeForLaterLooks(sourceFile: SourceFile): void {
  keptForLaterLooks.keep(sourceFile.compilerNode);
}

/** Drops the trees kept for later looks: the scan is done with trees, or ended. */
export function releaseTreesKeptForLaterLooks(): void {
  keptForLaterLooks.clear();
}

/** ts-morph keys its files by absolute paths with forward slashes. */
function standardizedPath(filePath: string): string {
  return filePath.replace(/\\/g, '/');
}
