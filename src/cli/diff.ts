import { execFile, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { compareScans, renderCostDiffMarkdown, type CostDiff } from '../core/report/costDiff';
import { scanWorkspace } from '../scan/scan';
import { SharedAnalyses } from '../scan/sharedAnalyses';
import { claimBaseFolder } from './baseFolder';
import { CommandLineError, type CliArguments } from './args';
import { formatUsd } from '../model/format';

const run = promisify(execFile);

/**
 * `diff --base <ref>`: scans the tree as it is and as it was at <ref> (exported from git's object
 * store into a folder of its own, never touching the working tree) and prints the cost change. With
 * `resultCacheDirectory` both scans keep and reuse results there, as `scan` does (baseFolder.ts).
 */
export async function runDiff(args: CliArguments, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream, resultCacheDirectory?: string): Promise<number> {
  const directory = path.resolve(args.directory);
  const base = args.base!;
  let topLevel: string;
  let commit: string;
  try {
    topLevel = (await run('git', ['rev-parse', '--show-toplevel'], { cwd: directory })).stdout.trim();
    commit = (await run('git', ['rev-parse', '--verify', '--quiet', `${base}^{commit}`], { cwd: directory })).stdout.trim();
  } catch {
    throw new CommandLineError(`cannot read git ref "${base}" in ${directory}`);
  }
  const prefix = path.relative(topLevel, directory);
  // The tree git writes out: a folder that holds it already (an earlier diff against the same commit) is not written again.
  const baseFolder = await claimBaseFolder(directory, resultCacheDirectory, JSON.stringify({ commit, prefix }), (folder) => holdsEveryFile(topLevel, commit, prefix, folder));
  let exported: Promise<void> | undefined;
  try {
    // The working tree is scanned while git writes the base out (git and tar on the other core), then the base:
    // one after the other, so the second finds every file the first analyzed and their peaks of memory do not meet.
    exported = baseFolder.holdsTree ? Promise.resolve() : exportTree(topLevel, { commit, name: base }, prefix, baseFolder.path).then(() => baseFolder.written());
    // Handled here so a failure while the working tree is scanned is not an unhandled rejection; awaited below.
    exported.catch(() => undefined);
    // A file the pull request leaves alone is analyzed once, for both trees (scan/sharedAnalyses.ts), unless the pull
    // request changes how imports resolve: git tells while the working tree is scanned (never rejects).
    const sharedAnalyses = new SharedAnalyses();
    const resolutionChanges = changesImportResolution(directory, base);
    const options = { defaultCallsPerMonth: args.callsPerMonth, usageFile: args.usageFile, exclude: args.exclude, include: args.include, resultCacheDirectory };
    const after = await scanWorkspace(directory, { ...options, sharedAnalyses });
    await exported;
    const baseOptions = { ...options, sharedAnalyses: (await resolutionChanges) ? undefined : sharedAnalyses };
    // A fresh temporary folder has a new path every run: results stored under it would never be met again.
    const before = await scanWorkspace(path.join(baseFolder.path, prefix), baseFolder.reused ? baseOptions : { ...baseOptions, resultCacheDirectory: undefined });
    return await report(compareScans(before, after, base), args, stdout, stderr);
  } finally {
    // git and tar are done writing before their folder is removed, whatever failed.
    await exported?.catch(() => undefined);
    await baseFolder.release();
  }
}

/**
 * Whether `folder` still holds every file git archive wrote there for `commit` under `prefix` (as a path from the
 * repository's top, so as `git ls-tree` lists them). Never throws: anything it cannot tell is a no.
 */
async function holdsEveryFile(repository: string, commit: string, prefix: string, folder: string): Promise<boolean> {
  try {
    const listed = await run('git', ['ls-tree', '-r', '-z', commit, ...(prefix ? ['--', prefix] : [])], { cwd: repository, maxBuffer: 256 * 1024 * 1024 });
    // `<mode> <type> <object>\t<path>`: blobs are the files (and symbolic links) the archive holds; submodules are not written.
    const files = listed.stdout.split('\0').filter((entry) => entry.includes(' blob ')).map((entry) => entry.slice(entry.indexOf('\t') + 1));
    const present = await Promise.all(files.map((file) => fs.lstat(path.join(folder, file)).then(() => true, () => false)));
    return present.every(Boolean);
  } catch {
    return false;
  }
}

/**
 * Files that decide how imports resolve (package manifests, tsconfig and jsconfig, SvelteKit's config), which
 * no file's analysis records as a module it followed (analyzers' ModuleLoader.consultedPaths): when the pull
 * request changes or adds one, the two trees' files are analyzed apart.
 */
const IMPORT_RESOLUTION_FILE = /(?:^|\/)(?:package\.json|[jt]sconfig[^/]*\.json|svelte\.config\.[cm]?[jt]s)$/;

/** Whether the working tree under `directory` changes, adds or removes such a file against `base` (or git cannot tell). */
async function changesImportResolution(directory: string, base: string): Promise<boolean> {
  try {
    const listed = await Promise.all([
      run('git', ['diff', '--name-only', '--no-renames', base, '--', '.'], { cwd: directory, maxBuffer: 64 * 1024 * 1024 }),
      run('git', ['ls-files', '--others', '--exclude-standard', '--', '.'], { cwd: directory, maxBuffer: 64 * 1024 * 1024 }),
    ]);
    return listed.some(({ stdout }) => stdout.split('\n').some((file) => IMPORT_RESOLUTION_FILE.test(file.trim())));
  } catch {
    return true;
  }
}

/** Writes the cost change as JSON or Markdown; exit code 1 when it rises above --fail-above. */
async function report(diff: CostDiff, args: CliArguments, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
  const output = args.format === 'json' ? JSON.stringify(diff, null, 2) + '\n' : renderCostDiffMarkdown(diff);
  if (args.out) await fs.writeFile(args.out, output, 'utf8');
  else stdout.write(output);
  if (args.failAbove !== undefined && diff.monthlyUsdDelta > args.failAbove) {
    stderr.write(`llm-hosting-advisor: monthly cost rises by ${formatUsd(diff.monthlyUsdDelta)}, above --fail-above ${args.failAbove}\n`);
    return 1;
  }
  return 0;
}

/**
 * Writes the files of `ref.commit` under `prefix` into `target` with `git archive`, piped into tar (errors name the ref as given). tar reads git's
 * output straight from the pipe: passed through this process, the archive waited for the main thread,
 * which is busy scanning the working tree meanwhile (midday: 2.3 s instead of 0.9 s).
 */
async function exportTree(repository: string, ref: { commit: string; name: string }, prefix: string, target: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const archive = spawn('git', ['archive', '--format=tar', ref.commit, ...(prefix ? ['--', prefix] : [])], { cwd: repository, stdio: ['ignore', 'pipe', 'pipe'] });
    const tar = spawn('tar', ['-x', '-C', target], { stdio: [archive.stdout, 'ignore', 'pipe'] });
    // tar holds the pipe's read end now; this process keeps none, so git sees tar stop if it does.
    archive.stdout.destroy();
    let errors = '';
    archive.stderr.on('data', (chunk) => (errors += chunk));
    tar.stderr.on('data', (chunk) => (errors += chunk));
    const exits = [archive, tar].map((child) => new Promise<number | null>((settle) => child.on('close', settle)));
    Promise.all(exits).then(([archiveCode, tarCode]) => (archiveCode === 0 && tarCode === 0 ? resolve() : reject(new Error(`git archive ${ref.name} failed: ${errors.trim()}`))));
    archive.on('error', reject);
    tar.on('error', reject);
  });
  await fs.mkdir(path.join(target, prefix), { recursive: true });
}
