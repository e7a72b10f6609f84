/**
 * The JSON of plain data for a cache or store key, each Map and Set written as the list of its entries:
 * `JSON.stringify` writes both as `{}`, so two different settings would give the same key.
 */
export function keyJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item instanceof Map || item instanceof Set ? [...item] : item));
}
