import { findCallers, type CallerLocation } from './callers';
import { fileStamp, type DiscoveredFile, type StampReader } from './files';

/**
 * The last wrapper-caller search, reused while the same wrappers are searched for in the same
 * files and none of those files changed on disk (size and modification time). An edit in a file
 * that neither defines a wrapper nor imports one then costs no caller search at all.
 */
export class CallerSearchCache {
  private last: { key: string; callers: Map<string, CallerLocation[]> } | undefined;

  async find(files: readonly DiscoveredFile[], functionNames: readonly string[], signal?: AbortSignal, stampOf: StampReader = fileStamp): Promise<Map<string, CallerLocation[]>> {
    // Stamped before the search reads the files: a write in between only makes the next key differ.
    const stamps = files.map((file) => stampOf(file.absolutePath));
    const key = JSON.stringify([functionNames, files.map((file, index) => [file.absolutePath, file.relativePath, stamps[index]])]);
    if (this.last?.key !== key) {
      const callers = await findCallers(files, functionNames, signal);
      this.last = { key, callers };
    }
    return this.last.callers;
  }

  clear(): void {
    this.last = undefined;
  }
}
