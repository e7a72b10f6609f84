import { readFileSync } from 'node:fs';
import { Project, ts, type SourceFile } from 'ts-morph';
import { analyzers, disabledBranch, keepTreeForLaterLooks, ModuleLoader, neverCalledLocalFunction, parseIntoProject, retriedRequest, removeAnalyzedFile, type Analyzer, type WorkspaceSettings } from '../analyzers';
import { createFileReader, type DiscoveredFile, type ReadOutcome } from './files';
import type { ResultStore } from './resultStore';
import { contentHash, examineFile, examineText, needsParse, unusableFileDiagnostic, type ExaminedFile, type TextExamination } from './fileExamination';
import type { FileAnalysis } from './fileAnalysis';
import { installFastDescendantSearch } from './descendantSearch';
import { scriptText } from './componentScripts';
import type { DetectedCall, Diagnostic } from '../model/types';

export type { FileAnalysis };

/** What the analysis of one scan shares: the parse context, and the on-disk results of earlier runs when the caller keeps them. */
export interface AnalysisContext {
  /** Made on first use: a scan whose files all come from the result store parses nothing, and in the CLI then never loads ts-morph. */
  project: Project;
  /** The project if anything made it yet. */
  readonly projectIfMade: Project | undefined;
  modules: ModuleLoader;
  results?: ResultStore;
}

/** One parse context for a scan: analyzers share it so followed modules are parsed once. */
export function createAnalysisProject(root: string, settings?: WorkspaceSettings, results?: ResultStore): AnalysisContext {
  let project: Project | undefined;
  const projectOnFirstUse = (): Project => {
    if (project) return project;
    installFastDescendantSearch();
    return (project = new Project({
      useInMemoryFileSystem: false,
      skipAddingFilesFromTsConfig: true,
      skipFileDependencyResolution: true,
      skipLoadingLibFiles: true,
      compilerOptions: { allowJs: true, noLib: true, jsx: ts.JsxEmit.Preserve },
    }));
  };
  return {
    get project() {
      return projectOnFirstUse();
    },
    set project(replacement: Project) {
      project = replacement;
    },
    get projectIfMade() {
      return project;
    },
    modules: new ModuleLoader(projectOnFirstUse, root, settings),
    results,
  };
}

/**
 * Reads, filters and analyzes one file. Never throws: unreadable, binary, minified and unparsable
 * files come back as diagnostics, so one bad file never stops a scan.
 */
export async function analyzeFile(file: DiscoveredFile, context: AnalysisContext, selected: readonly Analyzer[] = analyzers, preread?: ReadOutcome): Promise<FileAnalysis> {
  let read: ReadOutcome;
  try {
    // Synchronous: the editor's re-scan reads only the files it re-analyzes, and a promise waited on the thread pool (the p95 under load).
    read = preread ?? { bytes: readFileSync(file.absolutePath) };
  } catch (error) {
    read = { bytes: undefined, error: error as Error };
  }
  const unusable = unusableFileDiagnostic(file, read);
  if (unusable) return emptyAnalysis([unusable]);
  const bytes = read.bytes!;
  // Results of an earlier run apply only to the full set of analyzers.
  const store = selected === analyzers ? context.results : undefined;
  const hash = store ? contentHash(bytes) : undefined;
  const stored = hash === undefined ? undefined : store!.lookup(file.relativePath, hash);
  if (stored) return stored;
  const text = scriptText(file.relativePath, bytes.toString('utf8'));
  return analyzeExamined(file, text, examineText(text), hash, context, selected);
}

/**
 * The same for a file read and examined elsewhere (the CLI's reader thread, preread.ts): the
 * outcome is the one `analyzeFile` gives for the same bytes.
 */
export function analyzeExaminedFile(file: DiscoveredFile, examined: ExaminedFile, context: AnalysisContext): FileAnalysis {
  if (examined.diagnostic) return emptyAnalysis([examined.diagnostic]);
  const stored = examined.hash === undefined ? undefined : context.results?.lookup(file.relativePath, examined.hash);
  if (stored) return stored;
  // Known by its unchanged stat alone (statDigests.ts), but its stored result does not apply (a module it follows changed): read it now.
  // A file the scan does not parse may come without its text (the reader thread's): its examination is all it needs.
  if (examined.examination === undefined || (examined.text === undefined && needsParse(examined))) return analyzeExaminedFile(file, examineFile(file, createFileReader()(file.absolutePath), context.results !== undefined), context);
  return analyzeExamined(file, examined.text, examined.examination, context.results ? examined.hash : undefined, context, analyzers);
}

/** `text` may be absent only when the examination says the file is not parsed (needsParse). */
function analyzeExamined(file: DiscoveredFile, text: string | undefined, examination: TextExamination, hash: string | undefined, context: AnalysisContext, selected: readonly Analyzer[]): FileAnalysis {
  let analysis: FileAnalysis;
  if (!examination.mightContainLlmCall) analysis = { ...emptyAnalysis(), ...examination.imports };
  else if (examination.minified) analysis = emptyAnalysis([{ file: file.relativePath, message: 'skipped: minified or generated code (very long lines)', severity: 'warning' }]);
  else analysis = { ...analyzeText(file, text!, context, selected), ...examination.imports };
  if (hash !== undefined) context.results!.record(file.relativePath, hash, analysis);
  return analysis;
}

function emptyAnalysis(diagnostics: Diagnostic[] = []): FileAnalysis {
  return { calls: [], diagnostics, parsed: false, dependencies: [] };
}

/**
 * The second look at a file the prefilter ruled out but which imports a module that uses an SDK:
 * analyzed in full, and kept in the on-disk results under its own key (its first-look entry says "not parsed").
 */
export function analyzeImporter(file: Pick<DiscoveredFile, 'absolutePath' | 'relativePath'>, text: string, context: AnalysisContext): FileAnalysis {
  const key = secondLookKey(file.relativePath);
  const hash = context.results ? contentHash(Buffer.from(text, 'utf8')) : undefined;
  const stored = hash === undefined ? undefined : context.results!.lookup(key, hash);
  if (stored) return stored;
  const analysis = analyzeText(file, text, context);
  if (hash !== undefined) context.results!.record(key, hash, analysis);
  return analysis;
}

/**
 * The key of a file's second look (a file the prefilter ruled out that imports an SDK module) wherever analyses are
 * kept by relative path (the result store, diff's shared analyses): it cannot start a relative path, so a second-look
 * entry never meets a file's own.
 */
export function secondLookKey(relativePath: string): string {
  return `\u0000importer:${relativePath}`;
}

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
    dropNeverCalled(sourceFile, calls, file.relativePath, diagnostics);
  } catch (error) {
    diagnostics.push({ file: file.relativePath, message: `could not analyze: ${describeError(error)}`, severity: 'error' });
  }
  diagnostics.push(...context.modules.takeProblems());
  // The calls are plain data: keeping every analyzed tree (and ts-morph's wrappers of its nodes)
  // until the scan ends cost most of the peak memory of a 30,000-file scan. A later file that
  // follows this module parses it again from disk. The compiler's tree alone (no wrappers) of a file
  // with calls stays until the caller search, which looks at the helpers such files hold.
  if (sourceFile) {
    if (calls.length > 0) keepTreeForLaterLooks(sourceFile);
    removeAnalyzedFile(context.project, sourceFile);
  }
  const dependencies = context.modules.stopTracking().filter((dependency) => dependency !== file.absolutePath);
  return { calls, diagnostics, parsed: true, dependencies };
}

/**
 * Requests in a local function nothing calls, or under an `if` on a constant set to false (callsite.ts), cost nothing:
 * they are left out, each with a warning naming the function or the test, so the user sees why a request in the code is
 * not in the list. A retry of an earlier request after it failed (the same call in its `catch`, or under an `if` on its
 * status) is that request again, left out likewise.
 */
function dropNeverCalled(sourceFile: SourceFile, calls: DetectedCall[], relativePath: string, diagnostics: Diagnostic[]): void {
  const nodes = calls.map((call) => sourceFile.getDescendantAtPos(sourceFile.compilerNode.getPositionOfLineAndCharacter(call.line - 1, call.column - 1)));
  for (let index = calls.length - 1; index >= 0; index--) {
    const call = calls[index];
    const inside = nodes[index];
    const deadFunction = inside && neverCalledLocalFunction(inside);
    const disabled = inside && !deadFunction ? disabledBranch(inside) : undefined;
    const retry = inside && !deadFunction && !disabled ? retriedRequest(inside, nodes.slice(0, index).flatMap((node) => (node ? [node] : []))) : undefined;
    if (!deadFunction && !disabled && !retry) continue;
    // The request retried keeps word of its retry: another model may answer when the first fails.
    const first = retry ? nodes.indexOf(retry.first) : -1;
    if (first >= 0) calls[first].evidence.push(`sent again at line ${call.line} if it fails (${call.model.id ?? (call.model.raw || 'model unknown')}), counted here once`);
    calls.splice(index, 1);
    const why = deadFunction ? `is in ${deadFunction}, which nothing there calls (dead code)` : disabled ? `runs only under ${disabled}, a constant the module sets to false (dead code)` : `repeats the request on line ${retry!.first.getStartLineNumber()} ${retry!.how}: a retry after it fails, counted there`;
    diagnostics.push({ file: relativePath, line: call.line, message: `not reported: the ${call.method} request here ${why}`, severity: 'warning' });
  }
}

/**
 * Two analyzers may see the same call (a generic HTTP matcher and an SDK); keep the first by position. One analyzer's two
 * requests of different kinds at one call stay (a LangChain chain over a vector store embeds the query, then asks its model).
 */
function deduplicate(calls: DetectedCall[]): void {
  for (let index = calls.length - 1; index > 0; index--) {
    const previous = calls[index - 1];
    const current = calls[index];
    const samePlace = previous.line === current.line && previous.column === current.column && previous.endLine === current.endLine && previous.endColumn === current.endColumn;
    if (samePlace && !(previous.sdk === current.sdk && previous.endpoint !== current.endpoint)) calls.splice(index, 1);
  }
}

function describeError(error: unknown): string {
  if (error instanceof RangeError) return 'expression nesting too deep to analyze';
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
