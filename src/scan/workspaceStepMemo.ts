import type { DetectedCall } from '../model/types';
import { sameImportLists, type FileAnalysis } from './fileAnalysis';
import type { StampReader } from './files';

/** What the workspace-wide steps (wrapper callers, models from callers, agent loops) of one scan start from. */
export interface WorkspaceStepInputs {
  root: string;
  /** The calls of the file analyses, in order: the very objects the ScanCache hands out again for unchanged files. */
  calls: readonly DetectedCall[];
  /** The discovered files in order, each with its analysis (whose imports the import graph and the caller candidates read). */
  files: ReadonlyArray<{ relativePath: string; analysis: FileAnalysis }>;
  /** The workspace settings (example env files, configs), written out. */
  settings: string;
}

/**
 * The editor's last result of the workspace-wide steps, reused while nothing they read changed: the same calls (the
 * same objects, so every file holding a call was served by the ScanCache), the same files with the same imports, the
 * same settings, and every file the steps read, every module they followed, every tree in the project and every
 * manifest, config and folder the module loader consulted with the stamp it had. A save of a file none of them
 * reads (most files of a large workspace) then costs no caller search, which on the generated 30,000-file tree
 * parsed some 1,500 files on every re-scan. One result is kept, plain data; its inputs are references to what the
 * ScanCache keeps anyway.
 */
export class WorkspaceStepMemo {
  private last: { inputs: WorkspaceStepInputs; stamps: Map<string, string>; result: DetectedCall[] } | undefined;

  lookup(inputs: WorkspaceStepInputs, stampOf: StampReader): readonly DetectedCall[] | undefined {
    const last = this.last;
    if (!last || !sameInputs(last.inputs, inputs)) return undefined;
    for (const [file, stamp] of last.stamps) if (stampOf(file) !== stamp) return undefined;
    return last.result;
  }

  /** `read`: every file and folder whose content the steps' result depends on (stamped through the scan's reader, most before they were read). */
  record(inputs: WorkspaceStepInputs, read: Iterable<string>, result: readonly DetectedCall[], stampOf: StampReader): void {
    const stamps = new Map<string, string>();
    for (const file of read) stamps.set(file, stampOf(file));
    this.last = { inputs, stamps, result: [...result] };
  }

  clear(): void {
    this.last = undefined;
  }
}

function sameInputs(a: WorkspaceStepInputs, b: WorkspaceStepInputs): boolean {
  if (a.root !== b.root || a.settings !== b.settings || a.calls.length !== b.calls.length || a.files.length !== b.files.length) return false;
  for (let index = 0; index < a.calls.length; index++) if (a.calls[index] !== b.calls[index]) return false;
  for (let index = 0; index < a.files.length; index++) {
    const before = a.files[index];
    const now = b.files[index];
    if (before.relativePath !== now.relativePath) return false;
    if (before.analysis !== now.analysis && !sameImports(before.analysis, now.analysis)) return false;
  }
  return true;
}

/** What the import graph and the caller candidates read of a file's analysis (a re-analyzed file without calls may import the same). */
function sameImports(a: FileAnalysis, b: FileAnalysis): boolean {
  return a.parsed === b.parsed && a.calls.length === 0 && b.calls.length === 0 && sameImportLists(a, b);
}
