// The reader thread's TypeScript source, for the tests: mocha's `--import=tsx` does not reach worker
// threads under Node 20 (the thread failed to load prereadWorker.ts with ERR_UNKNOWN_FILE_EXTENSION and
// every scan fell back to reading in-process), so the thread registers tsx itself first.
import { register } from 'tsx/esm/api';

register();
await import('../../../src/scan/prereadWorker.ts');
