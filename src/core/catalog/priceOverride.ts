/**
 * The price override layer that "Refresh Prices" stores in the extension's global storage: closed
 * model token prices taken from a public price file, validated field by field, applied over the
 * bundled catalog (which always works offline). Pure: no `vscode`, no network, no disk.
 *
 * Accepted inputs:
 * - LiteLLM's `model_prices_and_context_window.json` (the source the bundled catalog cites): an object
 *   keyed by model name with `input_cost_per_token` / `output_cost_per_token` in USD per token.
 * - This project's own shape: `{ "asOf": "YYYY-MM-DD", "rows": [{ "id", "inputPerMTok", "outputPerMTok" }] }`.
 * Only models the bundled catalog already knows are repriced; everything else in the file is ignored.
 */
import { buildCatalog, isoToday, loadCatalog, type Catalog, type ClosedModelRow } from './catalog';

/** What is stored in globalStorage and shown in the UI. */
export interface PriceOverride {
  version: 1;
  url: string;
  fetchedAt: string;
  /** The date the override's prices are as of (the fetch date unless the file says). */
  asOf: string;
  rows: Array<{ id: string; inputPerMTok: number; outputPerMTok: number }>;
}

export const MAX_PRICE_FILE_BYTES = 8 * 1024 * 1024;
const MAX_USD_PER_MTOK = 10_000;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function price(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_USD_PER_MTOK ? value : undefined;
}

/**
 * Validates a downloaded price file and keeps the rows for models of the bundled catalog.
 * Returns an error message instead of throwing; `rows` is never empty on success.
 */
export function parsePriceFile(text: string, url: string, now: Date, catalog: Catalog = loadCatalog()): { override: PriceOverride; ignored: number } | { error: string } {
  if (text.length > MAX_PRICE_FILE_BYTES) return { error: `the price file is larger than ${MAX_PRICE_FILE_BYTES / 1024 / 1024} MB` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { error: `the price file is not JSON: ${(err as Error).message}` };
  }
  if (!isPlainObject(data)) return { error: 'the price file is not a JSON object' };
  const known = new Map(catalog.closed.filter((r) => r.inputPerMTok !== undefined && r.outputPerMTok !== undefined).map((r) => [r.id, r]));
  const rows = new Map<string, { id: string; inputPerMTok: number; outputPerMTok: number }>();
  let ignored = 0;
  let asOf = isoToday(now);
  if (Array.isArray(data.rows)) {
    if (typeof data.asOf === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(data.asOf)) asOf = data.asOf;
    for (const row of data.rows) {
      const id = isPlainObject(row) && typeof row.id === 'string' ? row.id : undefined;
      const input = isPlainObject(row) ? price(row.inputPerMTok) : undefined;
      const output = isPlainObject(row) ? price(row.outputPerMTok) : undefined;
      if (!id || !known.has(id) || input === undefined || output === undefined) ignored++;
      else rows.set(id, { id, inputPerMTok: input, outputPerMTok: output });
    }
  } else {
    // LiteLLM: { "<model>": { input_cost_per_token, output_cost_per_token, ... }, "sample_spec": {...} }
    for (const [key, entry] of Object.entries(data)) {
      if (!isPlainObject(entry) || !known.has(key)) {
        ignored++;
        continue;
      }
      const input = price(typeof entry.input_cost_per_token === 'number' ? entry.input_cost_per_token * 1e6 : undefined);
      const output = price(typeof entry.output_cost_per_token === 'number' ? entry.output_cost_per_token * 1e6 : undefined);
      if (input === undefined || output === undefined) ignored++;
      else rows.set(key, { id: key, inputPerMTok: round6(input), outputPerMTok: round6(output) });
    }
  }
  if (rows.size === 0) return { error: 'the price file has no valid price for any model the catalog knows (expected LiteLLM model_prices_and_context_window.json or {"rows":[{"id","inputPerMTok","outputPerMTok"}]})' };
  return { override: { version: 1, url, fetchedAt: now.toISOString(), asOf, rows: [...rows.values()] }, ignored };
}

/** Re-validates an override read back from storage (it may be stale or edited); undefined when unusable. */
export function parseStoredOverride(value: unknown): PriceOverride | undefined {
  if (!isPlainObject(value) || value.version !== 1 || typeof value.url !== 'string' || typeof value.fetchedAt !== 'string' || typeof value.asOf !== 'string' || !Array.isArray(value.rows)) return undefined;
  const rows = value.rows.filter(
    (r): r is PriceOverride['rows'][number] => isPlainObject(r) && typeof r.id === 'string' && price(r.inputPerMTok) !== undefined && price(r.outputPerMTok) !== undefined,
  );
  return rows.length ? { version: 1, url: value.url, fetchedAt: value.fetchedAt, asOf: value.asOf.slice(0, 10), rows } : undefined;
}

/** The bundled catalog with the override's prices applied to matching closed models. */
export function catalogWithOverride(override: PriceOverride | undefined, base: Catalog = loadCatalog()): Catalog {
  if (!override) return base;
  const byId = new Map(override.rows.map((r) => [r.id, r]));
  const source = `price override from ${override.url} (fetched ${override.fetchedAt.slice(0, 10)})`;
  const closed: ClosedModelRow[] = base.closed.map((row) => {
    const o = byId.get(row.id);
    return o ? { ...row, inputPerMTok: o.inputPerMTok, outputPerMTok: o.outputPerMTok, source, asOf: override.asOf } : row;
  });
  // Everything but the closed prices carries over as is (own-cloud offers, routers, assumed model
  // sets...); buildCatalog recomputes the derived fields (snapshot date, sources, indexes).
  return buildCatalog({ ...base, closed });
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
