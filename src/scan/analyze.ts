import { promises as fs } from 'node:fs';
import { Project, ts, type SourceFile } from 'ts-morph';
import { analyzers, ModuleLoader, parseIntoProject, type Analyzer, type WorkspaceSettings } from '../analyzers';
import type { DiscoveredFile } from './files';
import { aliasImportsOf, reExportsOf, relativeImportsOf } from './importGraph';
import { looksBinary, looksMinified, mightContainLlmCall } from './prefilter';
import { contentHash, type ResultStore } from './resultStore';
import type { FileAnalysis } from './fileAnalysis';
import { installFastDescendantSearch } from './descendantSearch';
import type { DetectedCall, Diagnostic } from '../model/types';

export type { FileAnalysis };

/** What the analysis of one scan shares: the parse context, and the on-disk results of earlier runs when the caller keeps them. */
export interface AnalysisContext {
  project: Project;
  modules: ModuleLoader;
  results?: ResultStore;
}

/** One parse context for a scan: analyzers share it so followed modules are parsed once. */
export function createAnalysisProject(root: string, settings?: WorkspaceSettings, results?: ResultStore): AnalysisContext {
  installFastDescendantSearch();
  const project = new Project({
    useInMemoryFileSystem: false,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: true, noLib: true, jsx: ts.JsxEmit.Preserve },
  });
  return { project, modules: new ModuleLoader(project, root, settings), results };
}

/**
 * Reads, filters and analyzes one file. Never throws: unreadable, binary, minified and unparsable
 * files come back as diagnostics, so one bad file never stops a scan.
 */
export async function analyzeFile(file: DiscoveredFile, context: AnalysisContext, selected: readonly Analyzer[] = analyzers, preread?: { bytes: Buffer | undefined; error?: Error }): Promise<FileAnalysis> {
  const empty = (diagnostics: Diagnostic[] = []): FileAnalysis => ({ calls: [], diagnostics, parsed: false, dependencies: [] });
  let bytes: Buffer;
  try {
    if (preread && !preread.bytes) throw preread.error ?? new Error('unreadable');
    bytes = preread?.bytes ?? (await fs.readFile(file.absolutePath));
  } catch (error) {
    return empty([{ file: file.relativePath, message: `cannot read file: ${(error as Error).message}`, severity: 'warning' }]);
  }
  if (looksBinary(bytes)) return empty([{ file: file.relativePath, message: 'skipped: binary content in a source file', severity: 'warning' }]);
  // Results of an earlier run apply only to the full set of analyzers.
  const store = selected === analyzers ? context.results : undefined;
  const hash = store ? contentHash(bytes) : undefined;
  const stored = hash === undefined ? undefined : store!.lookup(file.relativePath, hash);
  if (stored) return stored;
  const text = bytes.toString('utf8');
  let analysis: FileAnalysis;
  if (!mightContainLlmCall(text)) analysis = { ...empty(), ...importsOf(text) };
  else if (looksMinified(text)) analysis = empty([{ file: file.relativePath, message: 'skipped: minified or generated code (very long lines)', severity: 'warning' }]);
  else analysis = { ...analyzeText(file, text, context, selected), ...importsOf(text) };
  if (hash !== undefined) store!.record(file.relativePath, hash, analysis);
  return analysis;
}

function importsOf(text: string): Pick<FileAnalysis, 'relativeImports' | 'reExports' | 'aliasImports'> {
  const relativeImports = relativeImportsOf(text);
  const aliasImports = aliasImportsOf(text);
  const aliased = aliasImports.length > 0 ? { aliasImports } : {};
  // A re-export of a relative module is also a relative import: most files need no second look.
  return relativeImports.length === 0 ? { relativeImports, ...aliased } : { relativeImports, reExports: reExportsOf(text), ...aliased };
}

/**
 * The second look at a file the prefilter ruled out but which imports a module that uses an SDK:
 * analyzed in full, and kept in the on-disk results under its own key (its first-look entry says "not parsed").
 */
export function analyzeImporter(file: Pick<DiscoveredFile, 'absolutePath' | 'relativePath'>, text: string, context: AnalysisContext): FileAnalysis {
  const key = `${IMPORTER_KEY_PREFIX}${file.relativePath}`;
  const hash = context.results ? contentHash(Buffer.from(text, 'utf8')) : undefined;
  const stored = hash === undefined ? undefined : context.results!.lookup(key, hash);
  if (stored) return stored;
  const analysis = analyzeText(file, text, context);
  if (hash !== undefined) context.results!.record(key, hash, analysis);
  return analysis;
}

/** Cannot start a relative path, so a second-look entry never meets a file's own. */
const IMPORTER_KEY_PREFIX = '\u0000importer:';

/** Parses text that passed the prefilter and runs the analyzers over it. */
export function analyzeText(file: Pick<DiscoveredFile, 'absolutePath' | 'relativePath'>, text: string, context: AnalysisContext, selected: readonly Analyzer[] = analyzers): FileAnalysis {
  const diagnostics: Diagnostic[] = [];
  const calls: DetectedCall[] = [];
  context.modules.startTracking();
  let sourceFile: SourceFile | undefined;
  try {
    sourceFile = parseIntoProject(context.project, file.absolutePath, text);
    const parseDiagnostics = (sourceFile.compilerNode as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
    if (parseDiagnostics.length > 0) {
      const first = parseDiagnostics[0];
      const line = sourceFile.getLineAndColumnAtPos(first.start).line;
      diagnostics.push({ file: file.relativePath, line, message: `syntax error: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')} (calls in the parsable parts are still reported)`, severity: 'warning' });
    }
    for (const analyzer of selected) {
      try {
        for (const call of analyzer.analyze({ sourceFile, file: file.relativePath, modules: context.modules, settings: context.modules.settings })) {
          calls.push(call);
        }
      } catch (error) {
        diagnostics.push({ file: file.relativePath, message: `${analyzer.id} analyzer failed on this file: ${describeError(error)}`, severity: 'error' });
      }
    }
    calls.sort((a, b) => a.line - b.line || a.column - b.column);
    deduplicate(calls);
  } catch (error) {
    diagnostics.push({ file: file.relativePath, message: `could not analyze: ${describeError(error)}`, severity: 'error' });
  }
  diagnostics.push(...context.modules.takeProblems());
  // The calls are plain data: keeping every analyzed tree (and ts-morph's wrappers of its nodes)
  // until the scan ends cost most of the peak memory of a 30,000-file scan. A later file that
  // follows this module parses it again from disk.
  if (sourceFile && !sourceFile.wasForgotten()) context.project.removeSourceFile(sourceFile);
  const dependencies = context.modules.stopTracking().filter((dependency) => dependency !== file.absolutePath);
  return { calls, diagnostics, parsed: true, dependencies };
}

/** Two analyzers may see the same call (a generic HTTP matcher and an SDK); keep the first by position. */
function deduplicate(calls: DetectedCall[]): void {
  for (let index = calls.length - 1; index > 0; index--) {
    const previous = calls[index - 1];
    const current = calls[index];
    if (previous.line === current.line && previous.column === current.column && previous.endLine === current.endLine && previous.endColumn === current.endColumn) calls.splice(index, 1);
  }
}

function describeError(error: unknown): string {
  if (error instanceof RangeError) return 'expression nesting too deep to analyze';
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
