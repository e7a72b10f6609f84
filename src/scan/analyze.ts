import { promises as fs } from 'node:fs';
import { Project, ts } from 'ts-morph';
import { analyzers, ModuleLoader, parseIntoProject, type Analyzer, type WorkspaceSettings } from '../analyzers';
import type { DiscoveredFile } from './files';
import { aliasImportsOf, reExportsOf, relativeImportsOf } from './importGraph';
import { looksBinary, looksMinified, mightContainLlmCall } from './prefilter';
import type { DetectedCall, Diagnostic } from '../model/types';

export interface FileAnalysis {
  calls: DetectedCall[];
  diagnostics: Diagnostic[];
  /** Whether the file was parsed (false when the prefilter ruled it out). */
  parsed: boolean;
  /** Absolute paths of other modules the analysis read (imported clients, constants): a change there invalidates it. */
  dependencies: string[];
  /**
   * The file's relative imports, read with a regular expression. A file the prefilter ruled out can
   * still call a client or model it imports from a module that uses an SDK (`llm.invoke()` with
   * `llm` from `./model`), and the importers of a wrapper module are where its callers are.
   */
  relativeImports?: string[];
  /** The relative specifiers whose exports the file passes on (a barrel's `export * from './client'`). */
  reExports?: string[];
  /** Imports through a workspace path alias (`~/lib/llm`): where callers of a helper can be, besides relative importers. */
  aliasImports?: string[];
}

/** One parse context for a scan: analyzers share it so followed modules are parsed once. */
export function createAnalysisProject(root: string, settings?: WorkspaceSettings): { project: Project; modules: ModuleLoader } {
  const project = new Project({
    useInMemoryFileSystem: false,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: true, noLib: true, jsx: ts.JsxEmit.Preserve },
  });
  return { project, modules: new ModuleLoader(project, root, settings) };
}

/**
 * Reads, filters and analyzes one file. Never throws: unreadable, binary, minified and unparsable
 * files come back as diagnostics, so one bad file never stops a scan.
 */
export async function analyzeFile(file: DiscoveredFile, context: { project: Project; modules: ModuleLoader }, selected: readonly Analyzer[] = analyzers, preread?: { bytes: Buffer | undefined; error?: Error }): Promise<FileAnalysis> {
  const empty = (diagnostics: Diagnostic[] = []): FileAnalysis => ({ calls: [], diagnostics, parsed: false, dependencies: [] });
  let bytes: Buffer;
  try {
    if (preread && !preread.bytes) throw preread.error ?? new Error('unreadable');
    bytes = preread?.bytes ?? (await fs.readFile(file.absolutePath));
  } catch (error) {
    return empty([{ file: file.relativePath, message: `cannot read file: ${(error as Error).message}`, severity: 'warning' }]);
  }
  if (looksBinary(bytes)) return empty([{ file: file.relativePath, message: 'skipped: binary content in a source file', severity: 'warning' }]);
  const text = bytes.toString('utf8');
  if (!mightContainLlmCall(text)) return { ...empty(), ...importsOf(text) };
  if (looksMinified(text)) return empty([{ file: file.relativePath, message: 'skipped: minified or generated code (very long lines)', severity: 'warning' }]);
  return { ...analyzeText(file, text, context, selected), ...importsOf(text) };
}

function importsOf(text: string): Pick<FileAnalysis, 'relativeImports' | 'reExports' | 'aliasImports'> {
  const relativeImports = relativeImportsOf(text);
  const aliasImports = aliasImportsOf(text);
  const aliased = aliasImports.length > 0 ? { aliasImports } : {};
  // A re-export of a relative module is also a relative import: most files need no second look.
  return relativeImports.length === 0 ? { relativeImports, ...aliased } : { relativeImports, reExports: reExportsOf(text), ...aliased };
}

/** Parses text that passed the prefilter and runs the analyzers over it. */
export function analyzeText(file: Pick<DiscoveredFile, 'absolutePath' | 'relativePath'>, text: string, context: { project: Project; modules: ModuleLoader }, selected: readonly Analyzer[] = analyzers): FileAnalysis {
  const diagnostics: Diagnostic[] = [];
  const calls: DetectedCall[] = [];
  context.modules.startTracking();
  try {
    const sourceFile = parseIntoProject(context.project, file.absolutePath, text);
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
