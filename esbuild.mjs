// Bundles the entry points: the extension host (Node, `vscode` external) and its lazily loaded
// scanner, the webview's browser script, and the headless CLI. Also copies tiktoken's rank files for the encodings we load
// lazily, because those are read from disk at run time and cannot be inlined, with their rank tables packed.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * esbuild reaches a CommonJS package's exports through a getter per name (`__toESM` copies them as
 * `get: () => from[key]`), called on every use: `ts.isIdentifier(...)` in an analyzer's inner loop is a
 * getter call with a megamorphic keyed load (0.75 s of 22 s on the generated 30,000-file tree, 64 ms on
 * midday). For the packages named here, imports go through a small ES module instead that reads each
 * export once at load into a constant, which the bundle then references directly. Their exports never
 * change after load, so the values are the same.
 */
const EXPORTS_READ_ONCE = ['ts-morph'];
const requireAtBuild = createRequire(import.meta.url);
/** The names a CommonJS package exports that a module can declare as bindings of its own. */
const exportNamesOf = (resolved) => Object.keys(requireAtBuild(resolved)).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
const exportsReadOnce = {
  name: 'exports-read-once',
  setup(build) {
    const filter = new RegExp(`^(${EXPORTS_READ_ONCE.map((name) => name.replace(/[-/]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'exports-read-once', pluginData: { resolveDir: args.resolveDir } }));
    build.onLoad({ filter: /.*/, namespace: 'exports-read-once' }, (args) => {
      const resolved = requireAtBuild.resolve(args.path, { paths: [args.pluginData.resolveDir] });
      const names = exportNamesOf(resolved);
      return { contents: `import * as all from ${JSON.stringify(resolved)};\nexport const { ${names.join(', ')} } = all;\n`, resolveDir: args.pluginData.resolveDir, loader: 'js' };
    });
  },
};

/**
 * ts-morph ships the text of TypeScript's lib .d.ts files (2.9 MB of the 15.6 MB CLI bundle) for projects
 * that type-check. Ours only parse: every Project is created with `skipLoadingLibFiles`, so the files are
 * never read. Left out, the bundle is smaller to read and load on every start; a Project created without
 * that option now fails with this error instead of loading them.
 */
const TS_MORPH_LIB_FILES = /\nconst libFiles = \[\{[\s\S]*?\n\s*\}\];\n/;
const libFilesLeftOut = {
  name: 'ts-morph-lib-files-left-out',
  setup(build) {
    build.onLoad({ filter: /[\\/]@ts-morph[\\/]common[\\/]dist[\\/]ts-morph-common\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!TS_MORPH_LIB_FILES.test(text)) throw new Error(`${args.path}: its lib files array was not found; update TS_MORPH_LIB_FILES in esbuild.mjs for this ts-morph version`);
      const leftOut = "\nconst libFiles = { [Symbol.iterator]() { throw new Error('TypeScript lib files are left out of this bundle: create ts-morph Projects with skipLoadingLibFiles'); } };\n";
      return { contents: text.replace(TS_MORPH_LIB_FILES, leftOut), loader: 'js' };
    });
  },
};

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in comments and regular expression
 * literals (the task rules match German and Japanese words). One such character makes V8 hold the whole 15 MB
 * bundle as a two-byte string, decoded from UTF-8 on every start: loading dist/cli.js took a median of
 * 478 ms against 390 ms for the same bundle escaped (10 alternated runs each). `\uXXXX` means the same
 * character in a comment, a string or a regular expression, with or without the `u` flag (a surrogate
 * pair there stands for one code point). Source maps point a few columns off on those lines only.
 */
const asciiOnly = {
  name: 'ascii-only',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0 || !build.initialOptions.outfile) return;
      const outfile = build.initialOptions.outfile;
      const text = readFileSync(outfile, 'utf8');
      if (!/[^\0-\x7f]/.test(text)) return;
      writeFileSync(outfile, text.replace(/[^\0-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
    });
  },
};

/**
 * In the CLI bundle, ts-morph (TypeScript inside: 10 of its 12.7 MB) is a bundle of its own, dist/tsmorph.js,
 * loaded the first time anything uses it: a run whose files all come from the result store, or `size`, never
 * reads it (src/analyzers/shared/tsMorphLoading.ts). `ts-morph` and that module resolve to one module here, whose
 * exports are `let` bindings: each starts as a stand-in that loads the bundle when touched (called, constructed
 * or read from) and is then set to the real export, so the code, which references the bindings directly in the
 * bundle, uses the real ones from then on without a getter in between.
 */
const TS_MORPH_LOADING = /(^|\/)tsMorphLoading$/;
const tsMorphOnFirstUse = {
  name: 'ts-morph-on-first-use',
  setup(build) {
    const namespace = 'ts-morph-on-first-use';
    build.onResolve({ filter: /^ts-morph$/ }, () => ({ path: 'ts-morph', namespace }));
    build.onResolve({ filter: TS_MORPH_LOADING }, () => ({ path: 'ts-morph', namespace }));
    build.onLoad({ filter: /.*/, namespace }, () => {
      const names = exportNamesOf(requireAtBuild.resolve('ts-morph'));
      const codeCache = JSON.stringify(fileURLToPath(new URL('./src/runtime/codeCache.ts', import.meta.url)));
      return {
        resolveDir: '.',
        loader: 'js',
        contents: `import * as tsMorphPath from 'node:path';
import { cliCodeCacheDirectory, requireWithCodeCache } from ${codeCache};
let tsMorphBundle;
const tsMorphInitializers = [];
function loadTsMorph() {
  if (tsMorphBundle === undefined) {
    tsMorphBundle = requireWithCodeCache(tsMorphPath.join(__dirname, 'tsmorph.js'), cliCodeCacheDirectory());
    const all = tsMorphBundle.exports;
    ${names.map((name) => `${name} = all.${name};`).join(' ')}
    for (const initialize of tsMorphInitializers.splice(0)) initialize();
  }
  return tsMorphBundle.exports;
}
function onFirstUse(name) {
  const real = () => loadTsMorph()[name];
  return new Proxy(function () {}, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    apply: (_, self, args) => Reflect.apply(real(), self, args),
    construct: (_, args) => Reflect.construct(real(), args),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
export let ${names.map((name) => `${name} = onFirstUse(${JSON.stringify(name)})`).join(', ')};
export function loadTsMorphSoon() { if (tsMorphBundle === undefined) setImmediate(loadTsMorph); }
export function onTsMorphLoad(initialize) { if (tsMorphBundle === undefined) tsMorphInitializers.push(initialize); else initialize(); }
export async function saveTsMorphCodeCache() { await tsMorphBundle?.saveCache(); }
`,
      };
    });
  },
};

const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', plugins: [exportsReadOnce, libFilesLeftOut, asciiOnly] };

const allBuilds = [
  // The extension runs scans on a worker thread (dist/scannerThread.js loads dist/scanner.js: ts-morph,
  // the token counter) and loads dist/advisor.js (what-if pricing, the plan; no ts-morph) on first use,
  // so activation only parses the small extension bundle.
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', './advisor.js'] },
  { ...common, entryPoints: ['src/extension/scannerThread.ts'], outfile: 'dist/scannerThread.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: ['src/extension/advisorBundle.ts'], outfile: 'dist/advisor.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  // Without renamed identifiers (whitespace and syntax still minified): evaluating the bundle, which
  // the first scan waits for, took about 190 ms of CPU fully minified against 110 ms so (V8 on Node
  // 20, 4 alternated runs each), for 11.3 MB instead of 7.9 MB on disk. No difference in the scan itself.
  { ...common, ...(production ? { minify: false, minifyWhitespace: true, minifySyntax: true } : {}), entryPoints: ['src/extension/scannerBundle.ts'], outfile: 'dist/scanner.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  // What bin/ runs: loads cli.js with V8's code cache (src/runtime/codeCache.ts).
  { ...common, entryPoints: ['src/cli/launch.ts'], outfile: 'dist/launch.js', platform: 'node', format: 'cjs', target: 'node20', external: ['./cli.js'] },
  // The CLI's reader thread (src/scan/preread.ts): walks and reads the tree while launch.js loads cli.js, so it holds no ts-morph.
  { ...common, entryPoints: ['src/scan/prereadWorker.ts'], outfile: 'dist/prereader.js', platform: 'node', format: 'cjs', target: 'node20' },
  { ...common, plugins: [tsMorphOnFirstUse, asciiOnly], entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  // ts-morph for the CLI, loaded on first use (tsMorphOnFirstUse above), minified in every build: it is third-party
  // code nobody steps through, and the CLI loads it with a code cache, where the whole load is reading and
  // deserializing (4.2 MB minified against 11.3 MB took a median of 181 against 257 ms, 5 alternated runs each).
  { ...common, minify: true, plugins: [libFilesLeftOut, asciiOnly], stdin: { contents: "module.exports = require('ts-morph');", resolveDir: '.', sourcefile: 'tsmorph.js', loader: 'js' }, outfile: 'dist/tsmorph.js', platform: 'node', format: 'cjs', target: 'node20' },
  { ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

// `--only cli` builds just the CLI bundle, its launcher, reader thread and ts-morph (what `bin/` needs on a fresh checkout).
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex === -1 ? undefined : process.argv[onlyIndex + 1];
const builds = only ? allBuilds.filter((options) => options.outfile === `dist/${only}.js` || (only === 'cli' && ['dist/launch.js', 'dist/prereader.js', 'dist/tsmorph.js'].includes(options.outfile))) : allBuilds;

const ENCODINGS = ['o200k_base', 'cl100k_base'];

/**
 * Copies each rank file and writes its packed rank table beside it (`<encoding>.ranks`, see
 * src/core/estimate/bpeCounter.ts), made by the same code that reads it, bundled for this step.
 */
async function copyRuntimeAssets() {
  mkdirSync('dist/encoders', { recursive: true });
  const packer = await esbuild.build({ stdin: { contents: "export { packedRankTable } from './src/core/estimate/tokens';", resolveDir: '.', loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning' });
  const packerModule = { exports: {} };
  new Function('module', 'exports', 'require', packer.outputFiles[0].text)(packerModule, packerModule.exports, requireAtBuild);
  for (const encoding of ENCODINGS) {
    const rankFile = `dist/encoders/${encoding}.json`;
    copyFileSync(`node_modules/tiktoken/encoders/${encoding}.json`, rankFile);
    writeFileSync(`dist/encoders/${encoding}.ranks`, packerModule.exports.packedRankTable(JSON.parse(readFileSync(rankFile, 'utf8'))));
  }
}

await copyRuntimeAssets();
if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
