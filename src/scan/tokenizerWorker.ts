/**
 * Entry of dist/tokenizer-worker.js: builds tiktoken encoders and counts tokens off the scanning
 * thread. Building the o200k encoder costs about 0.35 s of CPU, which on a cold scan would
 * otherwise run after parsing; in this thread it overlaps with it. See tokenCountAhead.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { countTokens, getEncoder } from '../core/estimate/tokens';
import { WARM_UP_ENCODING, type TokenizerRequest, type TokenizerResponse, type TokenizerWorkerData } from './tokenCountAhead';

// Started before the scanner bundle (the extension's first scan): build the usual encoder now,
// while the other thread loads; requests queue meanwhile. A failure here is the first request's to report.
if ((workerData as TokenizerWorkerData | undefined)?.warmUp) {
  try {
    getEncoder(WARM_UP_ENCODING);
  } catch {
    // getEncoder throws again, into a response, when a request needs it.
  }
}

parentPort?.on('message', (request: TokenizerRequest) => {
  let response: TokenizerResponse;
  try {
    getEncoder(request.encoding);
    response = { id: request.id, counts: request.texts.map((text) => countTokens(text, request.encoding)) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
