/**
 * Per-file analyses shared by the scans of two trees of one project in one process: `diff --base`
 * scans the base (written out by git) and the working tree, which differ in the few files a pull
 * request changes. A file is analyzed once when both trees hold the same text at the same relative
 * path, both scans read the same workspace settings, and every module its analysis followed has
 * the same content in both trees (the rule the on-disk result store applies between runs, see
 * resultStore.ts). The scan that analyzes a file first lends its result to the other, which gets a
 * copy with the followed modules' paths moved to its own tree. Keyed by relative path (a file's second
 * look by analyze.ts's secondLookKey). The calls both trees hold alike are priced once (`pricing`).
 */
import * as path from 'node:path';
import type { FileAnalysis } from './fileAnalysis';
import { EnrichmentCache } from '../core/pricing/pipeline';
import { readIfPresent } from '../runtime/readIfPresent';
import { isInsideFolder } from '../runtime/insideFolder';

interface SharedEntry {
  root: string;
  settingsKey: string;
  text: string;
  /** The modules the analysis followed, in the lending tree. */
  dependencies: readonly string[];
  /** The analysis as JSON, written when kept: the scan adds to its objects afterwards. */
  analysis: string;
}

export class SharedAnalyses {
  private readonly entries = new Map<string, SharedEntry>();
  /** Whether a module has the same bytes in two trees, by its path in each (`<from>\0<to>`). */
  private readonly sameModule = new Map<string, boolean>();
  /** Files one scan took from the other (for the tests). */
  lent = 0;
  /**
   * Pricing too: a call the same in both trees (same text, settings, usage and volume) is priced once. The cache
   * the editor keeps between re-scans (EnrichmentCache); the two scans price one after the other, each at once.
   */
  readonly pricing = new EnrichmentCache();

  /** The analysis another tree's scan made of this file, or undefined. */
  take(root: string, settingsKey: string, key: string, text: string): FileAnalysis | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.root === root || entry.settingsKey !== settingsKey || entry.text !== text) return undefined;
    const dependencies: string[] = [];
    for (const dependency of entry.dependencies) {
      // A module outside the lending tree (a package beside it) is the same file for both scans.
      if (!isInsideFolder(dependency, entry.root)) {
        dependencies.push(dependency);
        continue;
      }
      const counterpart = path.join(root, path.relative(entry.root, dependency));
      if (!this.sameBytes(dependency, counterpart)) return undefined;
      dependencies.push(counterpart);
    }
    this.lent++;
    return { ...(JSON.parse(entry.analysis) as FileAnalysis), dependencies };
  }

  /** Keeps a scan's analysis of a file for the other tree's scan. */
  keep(root: string, settingsKey: string, key: string, text: string, analysis: FileAnalysis): void {
    if (this.entries.has(key)) return;
    this.entries.set(key, { root, settingsKey, text, dependencies: [...analysis.dependencies], analysis: JSON.stringify(analysis) });
  }

  private sameBytes(a: string, b: string): boolean {
    const key = `${a}\0${b}`;
    let same = this.sameModule.get(key);
    if (same === undefined) {
      const bytesA = readIfPresent(a);
      const bytesB = readIfPresent(b);
      same = bytesA !== undefined && bytesB !== undefined && bytesA.equals(bytesB);
      this.sameModule.set(key, same);
    }
    return same;
  }
}
