/**
 * npm run catalog:update -- <litellm-price-file.json> [<openrouter-models.json>] [options]
 *
 * Regenerates the API price rows of data/catalog/closed-api-prices.json and open-api-prices.json from
 * a local copy of LiteLLM's model_prices_and_context_window.json (and, for OpenRouter rows, a copy of
 * OpenRouter's /api/v1/models answer), following the key map and the known-error exclusions in
 * data/catalog/price-sources.json, and prints what changed. Review the printed list and `git diff`
 * before committing. No network access: download the files yourself.
 *
 * Options:
 *   --as-of YYYY-MM-DD     date of the price file (default: its `last_updated` field, if a mirror added one)
 *   --source "<label>"     how rows cite the file, e.g. "BerriAI/litellm @<commit> (<commit date>)"
 *   --openrouter-as-of YYYY-MM-DD   date of the OpenRouter copy (default: --as-of)
 *   --today YYYY-MM-DD     date deprecations are judged against (default: today, UTC)
 *   --dry-run              print the changes without writing the data files
 *   --data-dir <dir>       catalog directory to update (default: data/catalog of this checkout)
 *   --force                write even when the file would remove more than a quarter of the regenerated rows
 *   --secondary <file>     a second LiteLLM-format price file (a filtered copy with entries of its own) for the
 *                          closed map entries marked "from": "secondary"; needs --secondary-source and --secondary-as-of
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatChanges, updatePriceRows, type OpenRouterModel, type PriceSources } from './lib/catalogUpdate';
import type { ClosedModelData, OpenPriceData } from '../src/core/catalog/catalog';

const defaultDataDir = path.join(__dirname, '..', 'data', 'catalog');

function fail(message: string): never {
  process.stderr.write(`catalog:update: ${message}\n`);
  process.exit(2);
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`cannot read ${what} ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    fail(`${what} ${file} is not JSON: ${(e as Error).message}`);
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function main(argv: string[]): void {
  const positional: string[] = [];
  const opts: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dry-run' || a === '--force') opts[a.slice(2)] = true;
    else if (a.startsWith('--')) {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      opts[a.slice(2)] = v;
    } else positional.push(a);
  }
  if (positional.length < 1 || positional.length > 2) fail('usage: npm run catalog:update -- <litellm-price-file.json> [<openrouter-models.json>] [--as-of YYYY-MM-DD] [--source "<label>"] [--dry-run]');
  const litellm = readJson(positional[0], 'LiteLLM price file');
  if (!litellm || typeof litellm !== 'object' || Array.isArray(litellm)) fail(`${positional[0]} is not a LiteLLM price file (expected an object keyed by model name)`);
  const file = litellm as Record<string, unknown>;
  let openRouter: { data: OpenRouterModel[] } | undefined;
  if (positional[1]) {
    const or = readJson(positional[1], 'OpenRouter model list') as { data?: unknown };
    if (!or || !Array.isArray(or.data)) fail(`${positional[1]} is not an OpenRouter /api/v1/models answer (expected { "data": [...] })`);
    openRouter = or as { data: OpenRouterModel[] };
  }
  const lastUpdated = typeof file.last_updated === 'string' ? file.last_updated.slice(0, 10) : undefined;
  const asOf = (opts['as-of'] as string | undefined) ?? lastUpdated;
  if (!asOf || !DATE.test(asOf)) fail('say when the price file was taken: --as-of YYYY-MM-DD (the file has no last_updated field)');
  const today = (opts.today as string | undefined) ?? new Date().toISOString().slice(0, 10);
  if (!DATE.test(today)) fail('--today must be YYYY-MM-DD');
  const sourceLabel = (opts.source as string | undefined) ?? `copy ${path.basename(positional[0])} as of ${asOf}`;

  let secondary: { prices: Record<string, unknown>; sourceLabel: string; asOf: string } | undefined;
  if (opts.secondary) {
    const prices = readJson(opts.secondary as string, 'second price file');
    if (!prices || typeof prices !== 'object' || Array.isArray(prices)) fail(`${opts.secondary as string} is not a LiteLLM-format price file`);
    const secondaryAsOf = opts['secondary-as-of'] as string | undefined;
    const secondarySource = opts['secondary-source'] as string | undefined;
    if (!secondaryAsOf || !DATE.test(secondaryAsOf) || !secondarySource) fail('--secondary needs --secondary-source "<label>" and --secondary-as-of YYYY-MM-DD');
    secondary = { prices: prices as Record<string, unknown>, sourceLabel: secondarySource, asOf: secondaryAsOf };
  }

  const dataDir = (opts['data-dir'] as string | undefined) ?? defaultDataDir;
  const sources = readJson(path.join(dataDir, 'price-sources.json'), 'key map') as PriceSources;
  const closedFile = readJson(path.join(dataDir, 'closed-api-prices.json'), 'catalog') as { rows: ClosedModelData[] };
  const openFile = readJson(path.join(dataDir, 'open-api-prices.json'), 'catalog') as { rows: OpenPriceData[] };
  const result = updatePriceRows({
    litellm: file,
    openRouter,
    sources,
    closed: closedFile.rows,
    open: openFile.rows,
    asOf,
    sourceLabel,
    openRouterAsOf: opts['openrouter-as-of'] as string | undefined,
    openRouterLabel: positional[1] ? `copy ${path.basename(positional[1])}` : undefined,
    today,
    secondary,
  });
  process.stdout.write(`${formatChanges(result)}\n`);
  if (opts['dry-run']) {
    process.stdout.write('dry run: data files not written\n');
    return;
  }
  // A truncated or wrong file would silently empty the catalog: many removals need an explicit --force.
  const regenerated = result.closed.filter((r) => r.priceKey).length + result.open.filter((r) => r.priceKey).length + result.removed.length;
  if (result.removed.length > Math.max(5, regenerated / 4) && !opts.force) {
    fail(`${result.removed.length} of ${regenerated} regenerated rows would be removed: is ${positional[0]} a complete price file? Nothing written; rerun with --force to accept`);
  }
  writeFileSync(path.join(dataDir, 'closed-api-prices.json'), `${JSON.stringify({ ...closedFile, rows: result.closed }, null, 1)}\n`);
  writeFileSync(path.join(dataDir, 'open-api-prices.json'), `${JSON.stringify({ ...openFile, rows: result.open }, null, 1)}\n`);
  process.stdout.write(`wrote ${result.closed.length} closed and ${result.open.length} open rows; review with git diff data/catalog\n`);
}

main(process.argv.slice(2));
