/**
 * Entry of the separate scanner bundle `dist/scanner.js` (see esbuild.mjs): everything heavy the
 * extension needs (ts-morph, tiktoken, the catalog, yaml, the plan renderer, the what-if
 * re-pricing). dist/extension.js stays small and loads this file with `require` on the first
 * scan, so activation neither parses nor evaluates it. No `vscode` import here.
 */
export { scanWorkspace, ScanCache, type ScanOptions } from '../scan/scan';
export { renderMarkdownPlan } from '../core/report/plan';
export { stopTokenizerWorker, tokenizerWorkerRunning } from '../scan/tokenCountAhead';
export { applyWhatIf, isEmptyWhatIf, modelChoices, whatIfChoices, type ModelChoice, type WhatIf } from '../core/pricing/whatIf';
export { parsePriceFile, parseStoredOverride, catalogWithOverride, type PriceOverride } from '../core/catalog/priceOverride';
export { ensureUsageFile, patchUsageFile, usageFilePath, USAGE_FILE_TEMPLATE } from '../scan/usageFile';
export { writeFileAtomic } from '../runtime/atomicWrite';

import { loadCatalog } from '../core/catalog/catalog';
/** The bundled catalog's as-of date (what the UI shows next to any override). */
export function bundledCatalogAsOf(): string {
  return loadCatalog().asOf;
}
