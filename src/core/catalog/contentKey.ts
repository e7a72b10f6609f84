/**
 * What identifies the data a catalog prices with, for caches of pricing results: its as-of date
 * and every row (prices, GPUs, architectures, assumptions, and any price override layered on it,
 * which replaces closed rows), serialized. Two catalogs with the same key price every call the
 * same; a refresh that changes one price changes the key. The id indexes (Maps, serialized as `{}`)
 * are derived from the rows. The text itself is the key, not a digest of it: this layer has no
 * crypto, and keeping ~300 KB per cache and comparing it once per scan costs about a millisecond.
 */
import type { Catalog } from './catalog';

/**
 * Each catalog object's key, serialized once: a catalog is not changed after it is built (a refresh or a price
 * override builds a new object), so a rescan with the same object reuses the text instead of stringifying
 * every row again. Held weakly: a catalog that is let go takes its key with it.
 */
const keyOfCatalog = new WeakMap<Catalog, string>();

export function catalogContentKey(catalog: Catalog): string {
  let key = keyOfCatalog.get(catalog);
  if (key === undefined) {
    key = `${catalog.asOf}\u0000${JSON.stringify(catalog)}`;
    keyOfCatalog.set(catalog, key);
  }
  return key;
}
