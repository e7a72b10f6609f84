import type { SourceFile } from 'ts-morph';
import type { DetectedCall } from '../model/types';
import type { ModuleLoader } from './shared/modules';
import type { WorkspaceSettings } from './shared/settings';

/** What an analyzer gets for one source file. */
export interface AnalyzerContext {
  sourceFile: SourceFile;
  /** POSIX path relative to the scan root. */
  file: string;
  /** Loads other workspace modules on demand, to follow imported clients and constants. */
  modules: ModuleLoader;
  /**
   * Model and provider settings from the workspace's example env files, docker-compose and config files,
   * already filtered to values that look like model ids or provider URLs (the same object as `modules.settings`).
   */
  settings?: WorkspaceSettings;
}

/**
 * One SDK family. `analyze` is pure over the syntax tree: it never runs workspace code and
 * never throws for odd code (it skips what it cannot resolve and says so in evidence).
 */
export interface Analyzer {
  /** Also the `sdk` field of every call it reports. */
  readonly id: string;
  /** Package specifiers whose import makes this analyzer relevant to a file. */
  readonly packages: readonly (string | RegExp)[];
  analyze(context: AnalyzerContext): DetectedCall[];
}
