/**
 * The look at a file's bytes and text that needs no parser: unreadable or binary, its content hash,
 * the prefilter, minified, its imports. Its own module without ts-morph, so the CLI's reader thread
 * (prereadWorker.ts) runs exactly what an in-process scan runs (analyze.ts).
 */
import { createHash } from 'node:crypto';
import { createFileReader, createSlicer, type DiscoveredFile, type ReadOutcome } from './files';
import type { StatDigests } from './statDigests';
import type { FileAnalysis } from './fileAnalysis';
import { aliasImportsOf, reExportsOf, relativeImportsOf } from './importGraph';
import { looksBinary, looksMinified, mightContainLlmCall } from './prefilter';
import type { Diagnostic } from '../model/types';
import { scriptText } from './componentScripts';

/** The key of a file's stored results (resultStore.ts): SHA-1 of its bytes. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/** Why a file is not looked at further: it cannot be read, or it is not text. Undefined for a usable file. */
export function unusableFileDiagnostic(file: Pick<DiscoveredFile, 'relativePath'>, read: ReadOutcome): Diagnostic | undefined {
  if (!read.bytes) return { file: file.relativePath, message: `cannot read file: ${(read.error ?? new Error('unreadable')).message}`, severity: 'warning' };
  if (looksBinary(read.bytes)) return { file: file.relativePath, message: 'skipped: binary content in a source file', severity: 'warning' };
  return undefined;
}

/**
 * Texts of the first pass kept for the later looks at the same files (second pass, caller search,
 * agent loops, deployment lists), which otherwise read them from disk again. Bounded: past this many
 * characters (about as many bytes: source is mostly one-byte text) later looks read from disk, so a
 * 30,000-file tree (250 MB, its peak memory already near the 600 MB target) does not keep all of
 * itself. Midday's 2,027 files hold about 16 MB. 24 M characters here (with 16 M read ahead) took the
 * generated 30,000-file tree's peak to 638-645 MB; 4 M (with 2 M) to 542-555 MB, midday unchanged within noise.
 */
export const MAX_KEPT_TEXT_CHARS = 4 * 1024 * 1024;

export type FileImports = Pick<FileAnalysis, 'relativeImports' | 'reExports' | 'aliasImports'>;

/** What the text says before any parse. */
export interface TextExamination {
  /** The prefilter (prefilter.ts): false means the file is never parsed. */
  mightContainLlmCall: boolean;
  /** Minified or generated, among files that passed the prefilter (then never parsed nor followed). */
  minified: boolean;
  /** Its imports, read with regular expressions; absent for a minified file. */
  imports?: FileImports;
}

export function examineText(text: string): TextExamination {
  const mightContain = mightContainLlmCall(text);
  if (mightContain && looksMinified(text)) return { mightContainLlmCall: true, minified: true };
  return { mightContainLlmCall: mightContain, minified: false, imports: importsOf(text) };
}

function importsOf(text: string): FileImports {
  const relativeImports = relativeImportsOf(text);
  const aliasImports = aliasImportsOf(text);
  const aliased = aliasImports.length > 0 ? { aliasImports } : {};
  // A re-export of a relative module is also a relative import: most files need no second look.
  return relativeImports.length === 0 ? { relativeImports, ...aliased } : { relativeImports, reExports: reExportsOf(text), ...aliased };
}

/** A file read and examined ahead of the analysis (plain data: it crosses threads). */
export interface ExaminedFile {
  /** Set when the file is unreadable or binary: nothing else is. */
  diagnostic?: Diagnostic;
  /** Content hash, when the scan keeps results between runs. Alone (no text) when taken from the file's unchanged stat (statDigests.ts). */
  hash?: string;
  /** Absent also for a file the scan does not parse, when the reader thread kept it (prereadWorker.ts). */
  text?: string;
  examination?: TextExamination;
}

/** Whether the scan parses the file (analyze.ts): the prefilter let it through and it is not minified. */
export function needsParse(examined: ExaminedFile): boolean {
  return examined.examination !== undefined && examined.examination.mightContainLlmCall && !examined.examination.minified;
}

/** Everything analyze.ts would find out about the file before parsing it. */
export function examineFile(file: Pick<DiscoveredFile, 'relativePath'>, read: ReadOutcome, hashContent: boolean): ExaminedFile {
  const diagnostic = unusableFileDiagnostic(file, read);
  if (diagnostic) return { diagnostic };
  const bytes = read.bytes!;
  const text = scriptText(file.relativePath, bytes.toString('utf8'));
  return { ...(hashContent ? { hash: contentHash(bytes) } : {}), text, examination: examineText(text) };
}

/**
 * Reads and examines files in order (on whichever thread: the reader thread does the same,
 * prereadWorker.ts), in the short slices of `readFiles`. A file whose stat matches one of
 * `knownDigests` (statDigests.ts) is not read: it comes with its digest only.
 */
export async function* examineFiles<T extends DiscoveredFile>(files: readonly T[], hashContent: boolean, signal?: AbortSignal, knownDigests?: StatDigests): AsyncGenerator<{ file: T; examined: ExaminedFile }> {
  const pause = createSlicer();
  const read = createFileReader();
  for (const file of files) {
    await pause();
    signal?.throwIfAborted();
    const known = hashContent && file.statKey !== undefined ? knownDigests?.get(file.relativePath) : undefined;
    yield { file, examined: known !== undefined && known.statKey === file.statKey ? { hash: known.digest } : examineFile(file, read(file.absolutePath), hashContent) };
  }
}
