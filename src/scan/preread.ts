/**
 * Files discovered, read and examined on a reader thread (prereadWorker.ts) while the main thread
 * does something else: the CLI starts it before loading its 15 MB scanner bundle, so the walk and
 * the reads (about 0.6 s on midday, on slow file-system calls) overlap that load instead of
 * following it. The scan consumes the results in order (ScanOptions.preread) and reads nothing
 * itself; without one it discovers and reads in-process as before (editor, tests, library use).
 *
 * The thread runs the very functions an in-process scan runs (discoverSourceFiles, readFiles,
 * examineFile), so files, diagnostics and analyses are the same. Should the thread fail, the rest is
 * done here on the main thread, from where the thread stopped. It never holds the process open.
 * The thread itself and its messages are readerThread.ts's.
 */
import { discoverSourceFiles, type DiscoveredFile } from './files';
import { examineFiles, type ExaminedFile } from './fileExamination';
import { readStatDigests, type StatDigests } from './statDigests';
import { loadWorkspaceSettings, type LoadedSettings } from './settingsFiles';
import { startReaderThread, type PrereadOptions, type ReaderMessage, type ReaderThread } from './readerThread';
import type { Diagnostic } from '../model/types';

/** Starts the reader thread from `workerScript` (dist/prereader.js, or prereadWorker.ts under tsx) and takes its results. */
export function startPrereading(workerScript: string, options: PrereadOptions): PrereadFiles {
  return new PrereadFiles(startReaderThread(workerScript, options));
}

interface Discovery {
  files: DiscoveredFile[];
  diagnostics: Diagnostic[];
  /** When the walk started (ms since the epoch): what the stat-digest file records (statDigests.ts). */
  listedAt: number;
}

/** What the scan takes from the reader thread: its walk, the settings and each file examined, or the same read here once the thread ended without them. */
export class PrereadFiles {
  private discovery: Promise<Discovery> | undefined;

  constructor(private readonly thread: ReaderThread) {}

  get request(): ReaderThread['request'] {
    return this.thread.request;
  }

  /** Settles once the thread has ended (its exit code; undefined when it never started). */
  get exited(): Promise<number | undefined> {
    return this.thread.exited;
  }

  /** Whether a scan with these options can take the thread's results (the same root, globs and hashing). */
  matches(root: string, exclude: readonly string[] = [], include: readonly string[] = [], hashContent: boolean): boolean {
    return this.thread.matches(root, exclude, include, hashContent);
  }

  /** The files the scan covers and the walk's diagnostics, as discoverSourceFiles gives them, and when the walk started. */
  discovered(signal?: AbortSignal): Promise<Discovery> {
    this.discovery ??= this.receiveDiscovery(signal);
    return this.discovery;
  }

  private async receiveDiscovery(signal?: AbortSignal): Promise<Discovery> {
    const message: ReaderMessage | undefined = await this.thread.next(signal);
    if (message?.kind === 'discovered') return { files: message.files, diagnostics: message.diagnostics, listedAt: message.listedAt };
    // The thread failed before it listed the files: the walk is done here.
    this.close();
    const listedAt = Date.now();
    return { ...(await discoverSourceFiles(this.request.root, { signal, exclude: this.request.exclude, include: this.request.include })), listedAt };
  }

  /** The root's workspace settings, as loadWorkspaceSettings gives them: the thread's, or read here if it ended without them. */
  async settings(signal?: AbortSignal): Promise<LoadedSettings> {
    while (!this.thread.settingsRead && !this.thread.stopped) await this.thread.wait(signal);
    return this.thread.settingsRead ?? loadWorkspaceSettings(this.request.root, signal);
  }

  /** Each discovered file with what examineFile found, in order. Call after `discovered`, with its files. */
  async *examined(files: readonly DiscoveredFile[], signal?: AbortSignal): AsyncGenerator<{ file: DiscoveredFile; examined: ExaminedFile }> {
    let next = 0;
    while (next < files.length) {
      const message = await this.thread.next(signal);
      if (message?.kind !== 'examined') break;
      for (const entry of message.entries) {
        next = entry.index + 1;
        yield { file: files[entry.index], examined: entry };
      }
      this.thread.acknowledge(message.chars);
    }
    if (next === files.length) return;
    // The thread stopped early: the rest is read here.
    this.close();
    // The digests the thread sent, when it got that far: the rest is read by the same ones.
    if (this.request.statDigestsFile !== undefined) this.thread.statDigestsRead ??= readStatDigests(this.request.statDigestsFile, this.request.root);
    yield* examineFiles(files.slice(next), this.request.hashContent, signal, this.thread.statDigestsRead);
  }

  /** The stored stat digests the reading went by (statDigests.ts), known once `examined` gave a file; undefined without a stat-digest file. */
  get storedStatDigests(): StatDigests | undefined {
    return this.thread.statDigestsRead;
  }

  /** Ends the thread (done, failed or cancelled). Safe to call more than once. */
  close(): void {
    this.thread.close();
  }
}
