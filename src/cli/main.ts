import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { renderMarkdownPlan } from '../core/report/plan';
import { loadCatalog, type Catalog } from '../core/catalog/catalog';
import { catalogWithOverride, parsePriceFile } from '../core/catalog/priceOverride';
import { scanWorkspace, ScanInputError } from '../scan/scan';
import { PrereadFiles } from '../scan/preread';
import type { ReaderThread } from '../scan/readerThread';
import { writeFileAtomic } from '../runtime/atomicWrite';
import { HELP, parseArguments, CommandLineError, type CliArguments } from './args';
import { renderTable } from './table';
import { prettyJsonChunks } from './jsonOutput';
import { runDiff } from './diff';
import { runSize } from './size';

/** For launch.ts, after the run: the code cache of ts-morph's bundle when this run loaded it. */
export { saveTsMorphCodeCache } from '../analyzers';

declare const PACKAGE_VERSION: string | undefined;

/** Runs the CLI and returns its exit code; all output goes through the given streams. */
/** What the launcher decides for the process: where per-file results persist between runs (none when run from sources or tests). */
export interface CliRuntime {
  resultCacheDirectory?: string;
  /** The reader thread the launcher started for a `scan` (scan/readerThread.ts); the scan takes its results through PrereadFiles and closes it. */
  readerThread?: ReaderThread;
}

export async function main(argv: readonly string[], stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr, runtime: CliRuntime = {}): Promise<number> {
  let args: CliArguments;
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (error instanceof CommandLineError) {
      stderr.write(`llm-hosting-advisor: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (args.command === 'help') {
    stdout.write(HELP + '\n');
    return 0;
  }
  if (args.command === 'version') {
    stdout.write(`${typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'dev'}\n`);
    return 0;
  }
  const resultCacheDirectory = args.noCache ? undefined : runtime.resultCacheDirectory;
  try {
    if (args.command === 'diff') return await runDiff(args, stdout, stderr, resultCacheDirectory);
    if (args.command === 'size') return runSize(args, stdout, stderr);
    const catalog = args.priceFile ? await loadPriceFile(args.priceFile) : undefined;
    const result = await scanWorkspace(args.directory, { catalog, defaultCallsPerMonth: args.callsPerMonth, usageFile: args.usageFile, usageExport: args.usageExport, exclude: args.exclude, include: args.include, nonProduction: args.nonProduction, resultCacheDirectory, preread: runtime.readerThread && new PrereadFiles(runtime.readerThread), advisorOptions: { dataSensitivity: args.dataSensitivity, fixedCostOverrides: checkedFixedCosts(args.fixedCosts, catalog), ...(args.assumedModels ? { assumedModels: args.assumedModels } : {}) } });
    if (args.format === 'json' && !args.out) {
      // In pieces: the JSON of a large scan would otherwise be the last and largest allocation of the run.
      for (const chunk of prettyJsonChunks(result as unknown as Record<string, unknown>)) stdout.write(chunk);
    } else {
      const output = args.format === 'json' ? JSON.stringify(result, null, 2) + '\n' : args.format === 'markdown' ? renderMarkdownPlan(result) : renderTable(result);
      if (args.out) await writeFileSafely(args.out, output);
      else stdout.write(output);
    }
    if (args.plan) await writeFileSafely(args.plan, renderMarkdownPlan(result));
    if (args.out) stderr.write(`wrote ${args.out}\n`);
    if (args.plan) stderr.write(`wrote migration plan to ${args.plan}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ScanInputError || error instanceof CommandLineError) {
      stderr.write(`llm-hosting-advisor: ${error.message}\n`);
      return 2;
    }
    stderr.write(`llm-hosting-advisor: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

/** Fixed-cost overrides must name rows of the catalog: a typo would otherwise change nothing, silently. */
function checkedFixedCosts(fixedCosts: Record<string, number>, catalog: Catalog = loadCatalog()): Record<string, number> {
  const known = catalog.selfHostCosts.map((row) => row.id);
  for (const id of Object.keys(fixedCosts)) {
    if (!known.includes(id)) throw new CommandLineError(`--fixed-cost: unknown cost "${id}" (known: ${known.join(', ')})`);
  }
  return fixedCosts;
}

/** Layers a local price file over the bundled catalog; a file that does not validate is a usage error. */
async function loadPriceFile(file: string): Promise<Catalog> {
  const text = await fs.readFile(file, 'utf8').catch((error: Error) => {
    throw new CommandLineError(`cannot read price file ${file}: ${error.message}`);
  });
  const parsed = parsePriceFile(text, path.resolve(file), new Date());
  if ('error' in parsed) throw new CommandLineError(`price file ${file}: ${parsed.error}`);
  return catalogWithOverride(parsed.override);
}

/** Writes an output file (creating its folder) so that a failed write never leaves a truncated file. */
async function writeFileSafely(file: string, content: string): Promise<void> {
  const absolute = path.resolve(file);
  await fs.mkdir(path.dirname(absolute), { recursive: true });
  await writeFileAtomic(absolute, content);
}

