/**
 * Loads a CommonJS bundle as `require` does, but with V8's code cache kept on disk, so the next
 * process neither re-compiles the 15 MB scanner (ts-morph and TypeScript) nor lazily compiles the
 * functions the scan ran. Measured on the 25 MB synthetic monorepo: loading dist/cli.js drops from
 * about 540 ms to about 150 ms. Node 22's `module.enableCompileCache` does the same, but for
 * every module of the process, which in the shared extension host would cache other extensions
 * too; this touches our bundle only.
 *
 * The cache file's name carries the bundle's size and modification time and the Node version:
 * V8 itself only checks the source length, so a rebuilt bundle must never meet an old cache.
 * It also carries a short hash of the bundle's absolute path: the temporary folder is shared by
 * every build, install and checkout of the CLI on the machine, and each removes only its own
 * stale caches, so two of them no longer evict each other's cache on every run.
 * Anything that goes wrong falls back to a plain `require`.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire, wrap } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from './atomicWrite';
import { readIfPresent } from './readIfPresent';
import * as vm from 'node:vm';

export interface CachedModule<T> {
  exports: T;
  /** `used`: compiled from the cache; `missing` or `rejected` (by V8): compiled from source; `off`: loaded with plain require. */
  cache: 'used' | 'missing' | 'rejected' | 'off';
  /** Writes the cache when it was missing or rejected. Call it once the module has done its work, so lazily compiled functions are in it. */
  saveCache(): Promise<void>;
}

const CACHE_SUFFIX = '.v8-code-cache';

/** Where the CLI keeps the code caches of its bundles: the system's temporary folder; none with LLM_HOSTING_ADVISOR_CODE_CACHE=0. */
export function cliCodeCacheDirectory(): string | undefined {
  return process.env.LLM_HOSTING_ADVISOR_CODE_CACHE === '0' ? undefined : path.join(os.tmpdir(), 'llm-hosting-advisor-code-cache');
}

export function requireWithCodeCache<T>(bundle: string, cacheDirectory: string | undefined): CachedModule<T> {
  const plain = (): CachedModule<T> => ({ exports: require(bundle) as T, cache: 'off', saveCache: async () => undefined });
  if (!cacheDirectory || require.cache[bundle]) return plain();
  let script: vm.Script;
  let cacheFile: string;
  let cachedData: Buffer | undefined;
  try {
    const stat = fs.statSync(bundle);
    cacheFile = path.join(cacheDirectory, `${cacheStem(bundle)}${stat.size}-${Math.trunc(stat.mtimeMs)}-${process.version}-${process.arch}${CACHE_SUFFIX}`);
    cachedData = readIfPresent(cacheFile);
    script = new vm.Script(wrap(bundleText(fs.readFileSync(bundle))), { filename: bundle, cachedData, importModuleDynamically: dynamicImport });
  } catch {
    return plain();
  }
  const loaded = { exports: {} as T, filename: bundle, id: bundle, loaded: false };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(loaded.exports, loaded.exports, createRequire(bundle), loaded, bundle, path.dirname(bundle));
  loaded.loaded = true;
  const cache = cachedData === undefined ? 'missing' : script.cachedDataRejected === true ? 'rejected' : 'used';
  return {
    exports: loaded.exports,
    cache,
    saveCache: async () => {
      if (cache === 'used') return;
      try {
        await fs.promises.mkdir(cacheDirectory, { recursive: true });
        await writeFileAtomic(cacheFile, script.createCachedData());
        await removeStaleCaches(cacheDirectory, bundle, path.basename(cacheFile));
      } catch {
        // A cache that cannot be written only costs the next start its speed.
      }
    },
  };
}

/**
 * How `import()` inside the bundle resolves. A `vm.Script` has no loader of its own: without this
 * option a dynamic import in the bundle throws ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING (the CLI's
 * `diff` once did), while the same bundle under plain `require` works. The main context's loader
 * is what `require` would give; Node marks it experimental (a warning when an import runs), so the
 * bundles avoid `import()` and this is the safety net. A callback instead would need
 * --experimental-vm-modules. Absent before Node 20.12, where the bundles' own avoidance remains.
 */
const dynamicImport = (vm.constants as Partial<typeof vm.constants> | undefined)?.USE_MAIN_CONTEXT_DEFAULT_LOADER;

/**
 * The bundle's text, decoded from bytes read whole: Node 20's `readFileSync(bundle, 'utf8')` took a median of
 * 180 ms on ts-morph's 11 MB bundle against 87 ms so (8 alternated runs each; Latin-1 decoding of the
 * ASCII-only bundle was no faster).
 */
function bundleText(bytes: Buffer): string {
  return bytes.toString('utf8');
}

/** What every cache file of the bundle at this absolute path starts with: its name and a short hash of its path. */
function cacheStem(bundle: string): string {
  const name = path.basename(bundle).replace(/[^\w.-]/g, '_');
  const pathHash = createHash('sha256').update(path.resolve(bundle)).digest('hex').slice(0, 12);
  return `${name}-${pathHash}-`;
}

/** Caches of earlier builds of the bundle at the same path: one per bundle is enough. Other bundles' caches stay. */
async function removeStaleCaches(directory: string, bundle: string, current: string): Promise<void> {
  const stem = cacheStem(bundle);
  for (const name of await fs.promises.readdir(directory)) {
    if (name !== current && name.endsWith(CACHE_SUFFIX) && name.startsWith(stem)) await fs.promises.rm(path.join(directory, name), { force: true });
  }
}
