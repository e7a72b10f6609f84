/** JSON with object keys sorted, so equal values give equal keys whatever order they were built in (cache and store keys). */
export function canonicalJson(value: unknown): string {
  // Plain data (what every caller keys on) is written directly; anything else (toJSON, class instances,
  // index-like keys, cycles) goes through JSON.stringify with a sorting replacer. Both write the same text.
  const parts: string[] = [];
  if (writePlain(value, parts, 0)) return parts.join('');
  return JSON.stringify(value, (_key, nested: unknown) =>
    nested && typeof nested === 'object' && !Array.isArray(nested) ? Object.fromEntries(Object.entries(nested).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : nested,
  );
}

/** Deeper than this is taken for a cycle: JSON.stringify reports it. */
const PLAIN_DEPTH_LIMIT = 200;
/** Keys JSON.stringify would list before the others (array indices) or that are not plain members. */
const UNPLAIN_KEY = /^\d+$|^__proto__$/;

/**
 * Appends JSON.stringify's text for `value` with object keys sorted, when `value` is plain data: null,
 * booleans, numbers, strings, arrays and objects of Object.prototype (or none) without toJSON. False
 * (with `out` partly written) when it is not.
 */
function writePlain(value: unknown, out: string[], depth: number): boolean {
  switch (value === null ? 'null' : typeof value) {
    case 'null':
      out.push('null');
      return true;
    case 'string':
      out.push(JSON.stringify(value));
      return true;
    case 'number':
      out.push(Number.isFinite(value) ? String(value) : 'null');
      return true;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (depth > PLAIN_DEPTH_LIMIT || 'toJSON' in (value as object)) return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    out.push('[');
    for (let index = 0; index < value.length; index++) {
      if (index > 0) out.push(',');
      const element: unknown = value[index];
      // Holes, undefined, functions and symbols are written as null in an array.
      if (element === undefined || typeof element === 'function' || typeof element === 'symbol') out.push('null');
      else if (!writePlain(element, out, depth + 1)) return false;
    }
    out.push(']');
    return true;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  out.push('{');
  let first = true;
  for (const key of keys) {
    if (UNPLAIN_KEY.test(key)) return false;
    const member = record[key];
    // Undefined, functions and symbols are left out of an object.
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    out.push(first ? '' : ',', JSON.stringify(key), ':');
    first = false;
    if (!writePlain(member, out, depth + 1)) return false;
  }
  out.push('}');
  return true;
}
