import { sameImportLists, type FileAnalysis } from './fileAnalysis';

/** A discovered file with its analysis, as the scan lists them. */
export interface AnalyzedFile {
  file: { absolutePath: string; relativePath: string };
  analysis: FileAnalysis;
}

/**
 * The caller search's candidate files for a set of helper files (scan.ts `callerCandidates`: the helpers' files, their
 * importers, also through barrels, the files whose alias imports may name a helper module, the files of packages
 * depending on a helper's package), kept between the editor's re-scans. An answer depends on nothing but
 * - the helper files (as a set),
 * - every file's place in the list, paths, relative imports, re-exports and alias imports (the import graph and the
 *   alias test read nothing else), and
 * - the workspace packages depending on the helpers' packages (written into the key by the caller: the module loader
 *   reads the manifests afresh each scan).
 * So the answers are kept while every file keeps its path and import lists (the same analysis object, which the
 * ScanCache hands out for an unchanged file, or one with equal lists), and are looked up by helper files and dependents.
 * A save re-derived them at each level of helpers over every file of the workspace (about 55 ms of a midday re-scan),
 * though a save that adds no import changes none of them. Not used while files are open with unsaved edits.
 */
export class CallerCandidatesMemo {
  private files: readonly AnalyzedFile[] | undefined;
  /** Key → the candidates' indexes in `files`. */
  private readonly answers = new Map<string, number[]>();

  /** Starts a scan over `files`: the kept answers stay only if every file has the same path and import lists as at the last one. */
  begin(files: readonly AnalyzedFile[]): void {
    if (!this.files || !sameFilesAndImports(this.files, files)) this.answers.clear();
    this.files = files;
  }

  /** The candidates kept under this key, as the current scan's files. */
  lookup<T extends AnalyzedFile>(key: string, files: readonly T[]): T[] | undefined {
    return this.answers.get(key)?.map((index) => files[index]);
  }

  record(key: string, indexes: number[]): void {
    this.answers.set(key, indexes);
  }

  clear(): void {
    this.files = undefined;
    this.answers.clear();
  }
}

/** The key of a question: the helper files (a set, so sorted) and the dependents of their packages. */
export function candidatesKey(helperFiles: ReadonlySet<string>, dependents: ReadonlyMap<string, readonly string[]>): string {
  return JSON.stringify([[...helperFiles].sort(), [...dependents]]);
}

function sameFilesAndImports(before: readonly AnalyzedFile[], now: readonly AnalyzedFile[]): boolean {
  if (before.length !== now.length) return false;
  for (let index = 0; index < now.length; index++) {
    const a = before[index];
    const b = now[index];
    if (a.file.relativePath !== b.file.relativePath || a.file.absolutePath !== b.file.absolutePath) return false;
    if (a.analysis === b.analysis) continue;
    if (!sameImportLists(a.analysis, b.analysis)) return false;
  }
  return true;
}
