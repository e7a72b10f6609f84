/**
 * Where the CLI's result store (resultStore.ts) keeps its files: the folder, as the environment chooses it,
 * and the files of one scan root. Apart from the store, because the CLI's launcher needs both before it
 * loads the scanner bundle (it starts the reader thread with the stat-digest file), and the store itself
 * imports pricing and the token counter, which the launcher's bundle must not evaluate first.
 */
import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';

/** `LLM_HOSTING_ADVISOR_CACHE=0` turns the cache off, like `--no-cache`. */
export const RESULT_CACHE_ENV = 'LLM_HOSTING_ADVISOR_CACHE';
/** `LLM_HOSTING_ADVISOR_CACHE_DIR=<folder>` keeps the results there instead of the temporary folder: a CI cache step's path. */
export const RESULT_CACHE_DIRECTORY_ENV = 'LLM_HOSTING_ADVISOR_CACHE_DIR';

/** Where the CLI keeps its results, as the environment says: undefined when the cache is off. */
export function resultCacheDirectoryFor(env: NodeJS.ProcessEnv): string | undefined {
  if (env[RESULT_CACHE_ENV] === '0') return undefined;
  const chosen = env[RESULT_CACHE_DIRECTORY_ENV];
  return chosen ? path.resolve(chosen) : defaultResultCacheDirectory();
}

/** The folder the CLI keeps results in: next to V8's code cache in the system's temporary folder, private to the user. */
export function defaultResultCacheDirectory(): string {
  return path.join(os.tmpdir(), 'llm-hosting-advisor-result-cache');
}

/**
 * The store's files for one scan root: its results, the stats of the files they came from, and those
 * of the modules the analyses followed, by absolute path (statDigests.ts). The last is a file of its
 * own: a few dozen entries that a warm run parses in well under a millisecond, where the scanned
 * files' stats (parsed on the reader thread) would cost it 10-15 ms again.
 */
export function resultStoreFiles(directory: string, root: string): { results: string; statDigests: string; dependencyStatDigests: string } {
  const rootKey = createHash('sha1').update(root).digest('hex').slice(0, 16);
  return { results: path.join(directory, `results-${rootKey}.json`), statDigests: path.join(directory, `stats-${rootKey}.json`), dependencyStatDigests: path.join(directory, `dependency-stats-${rootKey}.json`) };
}
