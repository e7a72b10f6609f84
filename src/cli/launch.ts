/**
 * Entry of dist/launch.js, what bin/llm-hosting-advisor.js runs: loads the CLI bundle with V8's
 * code cache (see runtime/codeCache.ts) in the system's temporary folder, runs it, then, after a
 * scan or diff, saves the cache, and that of ts-morph's bundle (dist/tsmorph.js) when the run loaded
 * it. LLM_HOSTING_ADVISOR_CODE_CACHE=0 turns the caches off. Also gives the CLI the folder where
 * per-file scan results persist between runs (scan/resultStore.ts; LLM_HOSTING_ADVISOR_CACHE_DIR names
 * another folder for them); LLM_HOSTING_ADVISOR_CACHE=0 or `--no-cache` turns that off.
 *
 * For `scan`, it first starts the reader thread (scan/readerThread.ts, dist/prereader.js), which walks
 * and reads the tree while this thread loads the 15 MB CLI bundle, the two longest steps before
 * any parse, so they overlap. LLM_HOSTING_ADVISOR_READER_THREAD=0 turns that off (the scan then
 * reads on this thread, as in the editor).
 */
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { cliCodeCacheDirectory, requireWithCodeCache } from '../runtime/codeCache';
import { resultCacheDirectoryFor, resultStoreFiles } from '../scan/resultStoreLocation';
import { startReaderThread, type ReaderThread } from '../scan/readerThread';
import { parseArguments, type CliArguments } from './args';

type Cli = typeof import('./main');

/**
 * How much V8 lets this thread's heap grow past what a full collection left live, in percent (V8 picks 10-300% by
 * how fast collection is against the program; a one-shot scan gets the most). A cold scan of cline/cline (live data
 * about 100 MB) peaked at 275-281 MB when V8's second full collection came late and at 320-352 MB when it came early
 * and let the heap grow to 230 MB before the run ended; with 50% the peak was 259-288 MB in each of 17 runs, for 1-3%
 * more time (`/usr/bin/time node bin/llm-hosting-advisor.js scan <cline> --no-cache`, 2026-12-04). V8 reads the flag
 * each time it sets the next limit, so setting it here, before any analysis, is enough.
 */
const SCAN_HEAP_GROWING_PERCENT = 50;

/**
 * When V8 optimizes a function, for a scan. A scan is one short run over code that is new to the process: at V8's
 * defaults it spent more CPU compiling optimized code for TypeScript's parser and the analyzers than that code saved
 * before the process ended, so scans wait four times longer. V8 before 12 (Node 20) counts the bytecode a function
 * runs (its "interrupt budget", default 67,584); V8 12 and later (Node 22, 24) count its invocations (default 3,000
 * for TurboFan, 400 for Maglev) and no longer know the budget flag, which they would reject with an error line.
 *
 * Node 20, alternated with the build before (8 runs each, both with their code caches, 2026-12-04): midday-ai/midday
 * cold 1.94 -> 1.68 s median (CPU 2.67 -> 2.09 s), cline/cline 4.33 -> 3.93 s (CPU 6.20 -> 5.26 s), peak RSS unchanged;
 * in blocks of runs at each budget (midday): a quarter to a half of the default was slower than the default, twice
 * it 1.71-1.73 s, four to six times it 1.63-1.68 s, eight or sixteen times it slower again. Node 22 and 24, 3 runs each
 * without code caches: midday 2.09 -> 1.89 s and 2.21 -> 1.94 s, cline 4.28 -> 4.06 s and 4.39 -> 4.18 s (four times
 * the TurboFan count alone: midday 1.90 and 2.00 s).
 */
const SCAN_INTERRUPT_BUDGET = 4 * 67_584;
const SCAN_TURBOFAN_INVOCATIONS = 4 * 3_000;
const SCAN_MAGLEV_INVOCATIONS = 4 * 400;

/** The first V8 major version that tiers up by invocation counts and has no `--interrupt-budget`. */
const FIRST_V8_COUNTING_INVOCATIONS = 12;

/**
 * The first V8 major version (Node 24) that lets the young generation of a process on a machine with much memory grow
 * far past the 16 MB semi-spaces of earlier versions: its cold scans peaked at 274-277 MB on midday and 417-421 MB on
 * cline against 217-220 and 294-295 MB under Node 20 (3 runs each, no code caches, 2026-12-04). V8 sizes the young
 * generation's limit when the process starts, so `--max-semi-space-size` set at run time changes nothing; a growth
 * factor of 1 set before any bundle loads keeps the new space at the size it has then: 207-218 and 292-308 MB, and
 * faster (midday 2.51 -> 2.16 s, cline 5.26 -> 4.54 s, medians). Under Node 20 and 22 the same flag changed neither
 * memory nor time, so it is set from this version on only.
 */
const FIRST_V8_WITH_LARGE_YOUNG_GENERATION = 13;

/**
 * The V8 flags a command runs with, set before any bundle loads: `scan` and `diff` are one short run each (see above);
 * the tier-up and young generation flags are those of the V8 running (`process.versions.v8`), none when its version
 * does not read as one.
 * V8 folds its flags into the code caches' check, so a cache written by a scan serves scans only, as it holds their functions.
 */
export function v8FlagsFor(command: CliArguments['command'] | undefined, v8Version: string = process.versions.v8): string[] {
  if (!scansWorkspace(command)) return [];
  const major = Number.parseInt(v8Version, 10);
  const tierUp = Number.isNaN(major)
    ? []
    : major < FIRST_V8_COUNTING_INVOCATIONS
      ? [`--interrupt-budget=${SCAN_INTERRUPT_BUDGET}`]
      : [`--invocation-count-for-turbofan=${SCAN_TURBOFAN_INVOCATIONS}`, `--invocation-count-for-maglev=${SCAN_MAGLEV_INVOCATIONS}`];
  const youngGeneration = major >= FIRST_V8_WITH_LARGE_YOUNG_GENERATION ? ['--semi-space-growth-factor=1'] : [];
  return [`--heap-growing-percent=${SCAN_HEAP_GROWING_PERCENT}`, ...youngGeneration, ...tierUp];
}

/** `scan` and `diff`: the commands that scan a workspace, one short run each, whose V8 flags and code caches go together. */
function scansWorkspace(command: CliArguments['command'] | undefined): boolean {
  return command === 'scan' || command === 'diff';
}

export async function launch(argv: readonly string[]): Promise<number> {
  ignoreClosedPipe(process.stdout);
  const resultCacheDirectory = resultCacheDirectoryFor(process.env);
  // Parsed here only to start the reader thread and to know the command; main reports a bad command line.
  const args = argumentsOrUndefined(argv);
  const readerThread = process.env.LLM_HOSTING_ADVISOR_READER_THREAD === '0' || args === undefined ? undefined : startReaderForScan(args, resultCacheDirectory);
  for (const flag of v8FlagsFor(args?.command)) v8.setFlagsFromString(flag);
  try {
    const cli = requireWithCodeCache<Cli>(path.join(__dirname, 'cli.js'), cliCodeCacheDirectory());
    const code = await cli.exports.main(argv, process.stdout, process.stderr, { resultCacheDirectory, readerThread });
    // A cache holds the functions compiled by the run that wrote it, and is kept until the bundle changes:
    // one written by `--version` or `size` would leave a scan's functions to compile lazily on every run.
    if (scansWorkspace(args?.command)) {
      await cli.saveCache();
      // ts-morph's own bundle, when this run loaded it (see analyzers/shared/tsMorphLoading.ts).
      await cli.exports.saveTsMorphCodeCache();
    }
    return code;
  } finally {
    readerThread?.close();
  }
}

function argumentsOrUndefined(argv: readonly string[]): CliArguments | undefined {
  try {
    return parseArguments(argv);
  } catch {
    return undefined;
  }
}

/** The reader thread for a `scan` command line, with the options main.ts gives the scan; none for anything else. */
function startReaderForScan(args: CliArguments, resultCacheDirectory: string | undefined): ReaderThread | undefined {
  if (args.command !== 'scan') return undefined;
  const keepsResults = !args.noCache && resultCacheDirectory !== undefined;
  const root = path.resolve(args.directory);
  const statDigestsFile = keepsResults ? resultStoreFiles(resultCacheDirectory, root).statDigests : undefined;
  return startReaderThread(path.join(__dirname, 'prereader.js'), { root, exclude: args.exclude, include: args.include, hashContent: keepsResults, statDigestsFile });
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
