/**
 * When ts-morph (and the TypeScript compiler inside it) is loaded. Here, unbundled and in the editor's
 * scanner bundle, it is loaded with the first module that imports it, so these do the obvious.
 *
 * The CLI bundle replaces this module and `ts-morph` with one module (esbuild.mjs, `tsMorphOnFirstUse`):
 * ts-morph is then a bundle of its own (dist/tsmorph.js, 4.2 MB minified; dist/cli.js is 1.6 MB) loaded the first
 * time any of its exports is used, so a run that parses nothing (every file answered by the result store of an
 * earlier run, or `size`) never reads it. Until then each export is a stand-in that loads it on first use;
 * code that reads an export at module load (a table of compiler tests) registers here instead.
 */

/** Runs `initialize` once ts-morph is loaded: now here; in the CLI bundle, when something first uses it. */
export function onTsMorphLoad(initialize: () => void): void {
  initialize();
}

/**
 * Asks for ts-morph to be loaded once this thread is next idle, for a scan sure to parse (no results of an
 * earlier run): the CLI's scan then loads it while it waits for its reader thread's walk, not after.
 */
export function loadTsMorphSoon(): void {}

/** Writes the code cache of the separately loaded ts-morph bundle, when the CLI loaded it without one. */
export async function saveTsMorphCodeCache(): Promise<void> {}
