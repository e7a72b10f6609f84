import type { StampReader } from './files';

/**
 * The caller search's text test of each candidate file (`mentionsBesidesDeclarations`: does the file name one of
 * the helpers other than where it declares it), kept between the editor's re-scans. An answer depends on nothing
 * but the file's text and the test's pattern (the helper names of that level, written into its source): it is
 * kept per file under the stamp the file had when its text was read, and per pattern source, and reused only
 * while the file keeps that stamp. A save re-ran the test over every candidate file at every level of helpers,
 * though all but the saved file were unchanged (about 65 ms of each re-scan on midday).
 *
 * Only for texts read from disk after the scan stamped the file (the scan's `readTextOnce` stamps before it
 * reads): never for an editor's unsaved text, whose file stamp says nothing about it.
 */
export class MentionMemo {
  /** By root-relative path, as the ScanCache keeps its entries; each entry names the absolute path it was read from. */
  private readonly byFile = new Map<string, { absolutePath: string; stamp: string; answers: Map<string, boolean> }>();

  /** The answer for this file's text and pattern: the kept one while the file has the same stamp, else `test()`'s, then kept. */
  answer(file: { absolutePath: string; relativePath: string }, stampOf: StampReader, pattern: RegExp, test: () => boolean): boolean {
    const stamp = stampOf(file.absolutePath);
    let entry = this.byFile.get(file.relativePath);
    if (entry?.stamp !== stamp || entry.absolutePath !== file.absolutePath) this.byFile.set(file.relativePath, (entry = { absolutePath: file.absolutePath, stamp, answers: new Map() }));
    const key = patternKey(pattern);
    let answer = entry.answers.get(key);
    if (answer === undefined) entry.answers.set(key, (answer = test()));
    return answer;
  }

  /** Drops the files no longer in the workspace. */
  keepOnly(relativePaths: ReadonlySet<string>): void {
    for (const file of this.byFile.keys()) if (!relativePaths.has(file)) this.byFile.delete(file);
  }

  /** Forgets one file or everything. */
  forget(relativePath?: string): void {
    if (relativePath === undefined) this.byFile.clear();
    else this.byFile.delete(relativePath);
  }
}

const PATTERN_KEYS = new WeakMap<RegExp, string>();

/** A pattern as text (flags and source), made once per pattern object: the search asks about every candidate file with the same one. */
function patternKey(pattern: RegExp): string {
  let key = PATTERN_KEYS.get(pattern);
  if (key === undefined) PATTERN_KEYS.set(pattern, (key = `${pattern.flags}/${pattern.source}`));
  return key;
}
