/**
 * Entry of dist/launch.js, what bin/llm-hosting-advisor.js runs: loads the CLI bundle with V8's
 * code cache (see runtime/codeCache.ts) in the system's temporary folder, runs it, then, after a
 * scan or diff, saves the cache, and that of ts-morph's bundle (dist/tsmorph.js) when the run loaded
 * it. LLM_HOSTING_ADVISOR_CODE_CACHE=0 turns the caches off. Also gives the CLI the folder where
 * per-file scan results persist between runs (scan/resultStore.ts); LLM_HOSTING_ADVISOR_CACHE=0 or
 * `--no-cache` turns that off.
 *
 * For `scan`, it first starts the reader thread (scan/preread.ts, dist/prereader.js), which walks
 * and reads the tree while this thread loads the 15 MB CLI bundle, the two longest steps before
 * any parse, so they overlap. LLM_HOSTING_ADVISOR_READER_THREAD=0 turns that off (the scan then
 * reads on this thread, as in the editor).
 */
import * as path from 'node:path';
import { cliCodeCacheDirectory, requireWithCodeCache } from '../runtime/codeCache';
import { defaultResultCacheDirectory, RESULT_CACHE_ENV, resultStoreFiles } from '../scan/resultStore';
import { startPrereading, type PrereadFiles } from '../scan/preread';
import { parseArguments } from './args';

type Cli = typeof import('./main');

export async function launch(argv: readonly string[]): Promise<number> {
  ignoreClosedPipe(process.stdout);
  const resultCacheDirectory = process.env[RESULT_CACHE_ENV] === '0' ? undefined : defaultResultCacheDirectory();
  const preread = process.env.LLM_HOSTING_ADVISOR_READER_THREAD === '0' ? undefined : startReaderForScan(argv, resultCacheDirectory);
  try {
    const cli = requireWithCodeCache<Cli>(path.join(__dirname, 'cli.js'), cliCodeCacheDirectory());
    const code = await cli.exports.main(argv, process.stdout, process.stderr, { resultCacheDirectory, preread });
    // A cache holds the functions compiled by the run that wrote it, and is kept until the bundle changes:
    // one written by `--version` or `size` would leave a scan's functions to compile lazily on every run.
    if (scansCode(argv)) {
      await cli.saveCache();
      // ts-morph's own bundle, when this run loaded it (see analyzers/shared/tsMorphLoading.ts).
      await cli.exports.saveTsMorphCodeCache();
    }
    return code;
  } finally {
    preread?.close();
  }
}

/** Whether the command line scans code (`scan`, `diff`): the runs whose compiled functions a code cache should hold. */
function scansCode(argv: readonly string[]): boolean {
  try {
    const { command } = parseArguments(argv);
    return command === 'scan' || command === 'diff';
  } catch {
    return false;
  }
}

/** The reader thread for a `scan` command line, with the options main.ts gives the scan; none for anything else (main reports a bad command line). */
function startReaderForScan(argv: readonly string[], resultCacheDirectory: string | undefined): PrereadFiles | undefined {
  let args: ReturnType<typeof parseArguments>;
  try {
    args = parseArguments(argv);
  } catch {
    return undefined;
  }
  if (args.command !== 'scan') return undefined;
  const keepsResults = !args.noCache && resultCacheDirectory !== undefined;
  const root = path.resolve(args.directory);
  const statDigestsFile = keepsResults ? resultStoreFiles(resultCacheDirectory, root).statDigests : undefined;
  return startPrereading(path.join(__dirname, 'prereader.js'), { root, exclude: args.exclude, include: args.include, hashContent: keepsResults, statDigestsFile });
}

/**
 * `scan ... | head` closes the pipe before the report is written out: Node then emits EPIPE on
 * stdout, which would end the process with a stack trace. The reader wanted no more, so the rest of
 * the output is dropped and the run carries on (a `--plan` file is still written); other errors stay errors.
 */
function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
