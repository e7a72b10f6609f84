/**
 * What identifies the data a catalog prices with, for caches of pricing results: its as-of date
 * and every row (prices, GPUs, architectures, assumptions, and any price override layered on it,
 * which replaces closed rows), serialized. Two catalogs with the same key price every call the
 * same; a refresh that changes one price changes the key. The id indexes (Maps, serialized as `{}`)
 * are derived from the rows. The text itself is the key, not a digest of it: this layer has no
 * crypto, and keeping ~300 KB per cache and comparing it once per scan costs about a millisecond.
 */
import type { Catalog } from './catalog';

export function catalogContentKey(catalog: Catalog): string {
  return `${catalog.asOf}\u0000${JSON.stringify(catalog)}`;
}
