/**
 * Entry of the scanner bundle `dist/scanner.js` (see esbuild.mjs): the workspace scan with
 * everything heavy it needs (ts-morph, TypeScript, the tokenizer, the catalog). Loaded on the
 * scanner thread (scannerThread.ts), never on the extension host's own thread. No `vscode` import here.
 */
export { scanWorkspace, ScanCache, type ScanOptions } from '../scan/scan';
export { catalogWithOverride } from '../core/catalog/priceOverride';
