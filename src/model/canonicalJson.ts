/**
 * JSON with object keys sorted, so equal values give equal keys whatever order they were built in (cache and store keys).
 * The same text as `JSON.stringify` with a replacer that hands it each object as a copy with sorted keys (the first
 * version, still the reference of its test), written out directly: the replacer made a copy of every nested object, and
 * keying the editor's pricing cache by each call's JSON took 1.5 ms of every re-scan. As in such a copy, keys that are
 * array indices come first in numeric order.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '') as string;
}

/** The text of a value, or undefined where JSON leaves the value out (undefined, a function, a symbol). */
function write(value: unknown, key: string): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') value = (value as { toJSON(key: string): unknown }).toJSON(key);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (let index = 0; index < value.length; index++) parts.push(write(value[index], String(index)) ?? 'null');
    return `[${parts.join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const name of sortedKeys(record)) {
    const text = write(record[name], name);
    if (text !== undefined) parts.push(`${JSON.stringify(name)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

/** Own enumerable keys in the order an object built from them in sorted order lists them: array indices first, ascending. */
function sortedKeys(record: object): string[] {
  const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (!keys.some(isArrayIndex)) return keys;
  return [...keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b)), ...keys.filter((key) => !isArrayIndex(key))];
}

function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}
