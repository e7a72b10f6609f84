/**
 * Entry of dist/tokenizer-worker.js: builds tiktoken encoders and counts tokens off the scanning
 * thread. Building the o200k encoder costs about 0.35 s of CPU, which on a cold scan would
 * otherwise run after parsing; in this thread it overlaps with it. See tokenCountAhead.ts.
 */
import { parentPort } from 'node:worker_threads';
import { countTokens, getEncoder } from '../core/estimate/tokens';
import type { TokenizerRequest, TokenizerResponse } from './tokenCountAhead';

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
