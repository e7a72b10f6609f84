/**
 * Entry of the separate scanner bundle `dist/scanner.js` (see esbuild.mjs): everything heavy the
 * extension needs (ts-morph, tiktoken, the catalog, the plan renderer). dist/extension.js stays
 * small and loads this file with `require` on the first scan, so activation neither parses nor
 * evaluates it. No `vscode` import here.
 */
export { scanWorkspace, ScanCache, type ScanOptions } from '../core/scan';
export { renderMarkdownPlan } from '../core/plan';
