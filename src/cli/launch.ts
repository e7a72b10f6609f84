/**
 * Entry of dist/launch.js, what bin/llm-hosting-advisor.js runs: loads the CLI bundle with V8's
 * code cache (see runtime/codeCache.ts) in the system's temporary folder, runs it, then saves the
 * cache. LLM_HOSTING_ADVISOR_CODE_CACHE=0 turns the cache off. Also gives the CLI the folder where
 * per-file scan results persist between runs (scan/resultStore.ts); LLM_HOSTING_ADVISOR_CACHE=0 or
 * `--no-cache` turns that off.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { requireWithCodeCache } from '../runtime/codeCache';
import { defaultResultCacheDirectory, RESULT_CACHE_ENV } from '../scan/resultStore';

type Cli = typeof import('./main');

export async function launch(argv: readonly string[]): Promise<number> {
  const cacheDirectory = process.env.LLM_HOSTING_ADVISOR_CODE_CACHE === '0' ? undefined : path.join(os.tmpdir(), 'llm-hosting-advisor-code-cache');
  const cli = requireWithCodeCache<Cli>(path.join(__dirname, 'cli.js'), cacheDirectory);
  const resultCacheDirectory = process.env[RESULT_CACHE_ENV] === '0' ? undefined : defaultResultCacheDirectory();
  const code = await cli.exports.main(argv, process.stdout, process.stderr, { resultCacheDirectory });
  await cli.saveCache();
  return code;
}
