/**
 * The reader thread of the CLI (bundled alone as dist/prereader.js, without ts-morph or TypeScript):
 * walks the tree with discoverSourceFiles, loads the workspace settings (settingsFiles.ts), reads
 * every file and examines it (fileExamination.ts)
 * while the main thread is still loading the scanner bundle, and sends the results in order, in
 * batches. See preread.ts for the main thread's side and the messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { discoverSourceFiles } from './files';
import { examineFiles, needsParse } from './fileExamination';
import { readStatDigests } from './statDigests';
import { loadWorkspaceSettings } from './settingsFiles';
import type { PrereadRequest, ReaderMessage, ExaminedBatchEntry } from './readerThread';

/** A batch goes out at this many files or characters of texts to parse, whichever comes first (later while the window is full). */
const BATCH_FILES = 64;
const BATCH_CHARS = 1024 * 1024;

async function run(request: PrereadRequest): Promise<void> {
  const port = parentPort!;
  let unacknowledgedChars = 0;
  let wakeUp: (() => void) | undefined;
  port.on('message', (message: { consumedChars: number }) => {
    unacknowledgedChars -= message.consumedChars;
    wakeUp?.();
  });
  const send = (message: ReaderMessage) => port.postMessage(message);

  const listedAt = Date.now();
  const discovered = await discoverSourceFiles(request.root, { exclude: request.exclude, include: request.include });
  send({ kind: 'discovered', files: discovered.files, diagnostics: discovered.diagnostics, listedAt });
  // The scan needs the settings before its first file, and reads them here rather than walking the tree again itself.
  send({ kind: 'settings', ...(await loadWorkspaceSettings(request.root)) });
  const knownDigests = request.statDigestsFile === undefined ? undefined : readStatDigests(request.statDigestsFile, request.root);
  // The result store compares what it writes at the end with these, without reading the file again.
  if (knownDigests) send({ kind: 'stat-digests', digests: knownDigests });

  let batch: ExaminedBatchEntry[] = [];
  let batchChars = 0;
  const postBatch = () => {
    send({ kind: 'examined', entries: batch, chars: batchChars });
    unacknowledgedChars += batchChars;
    batch = [];
    batchChars = 0;
  };
  // Texts the main thread has not taken yet wait in its message queue: past the window, the batch is held here. It
  // keeps growing with files that come without text (most of a large tree, see below), so the reads go on while the
  // scan parses; only a batch holding BATCH_CHARS of text waits for the window.
  const windowOpen = () => unacknowledgedChars <= request.maxUnconsumedChars;
  const postWhenFull = async () => {
    if (batch.length < BATCH_FILES && batchChars < BATCH_CHARS) return;
    if (windowOpen()) return postBatch();
    if (batchChars < BATCH_CHARS) return;
    while (!windowOpen()) await new Promise<void>((resolve) => (wakeUp = resolve));
    wakeUp = undefined;
    postBatch();
  };
  let index = 0;
  let unparsedTextChars = 0;
  for await (const { examined } of examineFiles(discovered.files, request.hashContent, undefined, knownDigests)) {
    const entry: ExaminedBatchEntry = { index: index++, ...examined };
    // The scan parses only the files the prefilter lets through; the text of any other file serves only
    // its later looks (an importer's second pass, the caller search), from the texts it keeps, at most
    // MAX_KEPT_TEXT_CHARS, or else from disk. Past that many such characters they stay here; only texts
    // the scan must parse count against the window, so the reads run ahead of a scan busy parsing instead
    // of waiting for it (the generated 30,000-file tree: its last 20,000 files were read while the scan,
    // done with everything before them, waited).
    if (entry.text !== undefined && needsParse(entry)) batchChars += entry.text.length;
    else if (entry.text !== undefined) {
      if (unparsedTextChars + entry.text.length > request.maxUnparsedTextChars) delete entry.text;
      else unparsedTextChars += entry.text.length;
    }
    batch.push(entry);
    await postWhenFull();
  }
  if (batch.length > 0) postBatch();
  send({ kind: 'done' });
  port.removeAllListeners('message');
}

run(workerData as PrereadRequest).catch((error: unknown) => {
  parentPort!.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies ReaderMessage);
});
