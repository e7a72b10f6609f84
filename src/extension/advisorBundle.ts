/**
 * Entry of the bundle `dist/advisor.js` (see esbuild.mjs): what the extension host itself runs on
 * a result (the panel's what-if re-pricing and model choices, the plan renderer, the price and usage
 * files). No ts-morph or TypeScript in it (under 1 MB): dist/extension.js loads it with `require`
 * on first use. Scans run on the scanner thread (scannerThread.ts, dist/scanner.js). No `vscode` import here.
 */
export { renderMarkdownPlan } from '../core/report/plan';
export { applyWhatIf, isEmptyWhatIf, modelChoices, whatIfChoices, type ModelChoice, type WhatIf } from '../core/pricing/whatIf';
export { parsePriceFile, parseStoredOverride, catalogWithOverride, type PriceOverride } from '../core/catalog/priceOverride';
export { ensureUsageFile, patchUsageFile, usageFilePath, USAGE_FILE_TEMPLATE } from '../scan/usageFile';
export { writeFileAtomic } from '../runtime/atomicWrite';

import { loadCatalog } from '../core/catalog/catalog';
/** The bundled catalog's as-of date (what the UI shows next to any override). */
export function bundledCatalogAsOf(): string {
  return loadCatalog().asOf;
}
