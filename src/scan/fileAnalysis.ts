/** What the analysis of one file yields: its own module, so the on-disk result store (resultStore.ts) and analyze.ts share it without a cycle. */
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
  /** Set when the analysis came from the on-disk result cache of an earlier run (see resultStore.ts). */
  fromResultCache?: true;
}

/** Whether two analyses list the same relative imports, re-exports and alias imports (all the import graph and the caller candidates read of them). */
export function sameImportLists(a: FileAnalysis, b: FileAnalysis): boolean {
  return sameList(a.relativeImports, b.relativeImports) && sameList(a.reExports, b.reExports) && sameList(a.aliasImports, b.aliasImports);
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((item, index) => item === b[index]);
}
