/**
 * `JSON.stringify(value, null, 2) + '\n'` for a plain top-level object, handed out in pieces of about
 * CHUNK_CHARS: the JSON of a 30,000-file scan is 17 MB, and building it as one string (and one buffer
 * to write it) added about 50 MB to the scan's peak memory at its very end. The pieces joined are the
 * same text, byte for byte (each member and each element of an array member is stringified on its own
 * and indented as JSON.stringify would indent it at that depth; strings never hold a raw newline).
 */
const CHUNK_CHARS = 1 << 20;

const INDENT = '  ';

export function* prettyJsonChunks(value: Record<string, unknown>): Generator<string> {
  let pending = '';
  const take = function* (text: string): Generator<string> {
    pending += text;
    if (pending.length >= CHUNK_CHARS) {
      yield pending;
      pending = '';
    }
  };
  // Members JSON.stringify leaves out (undefined, functions, symbols) are left out here too.
  const members = Object.entries(value).filter(([, member]) => member !== undefined && typeof member !== 'function' && typeof member !== 'symbol');
  if (members.length === 0) {
    yield '{}\n';
    return;
  }
  yield* take('{\n');
  for (const [index, [key, member]] of members.entries()) {
    yield* take(`${INDENT}${JSON.stringify(key)}: `);
    if (Array.isArray(member) && member.length > 0) {
      yield* take('[\n');
      for (const [position, element] of member.entries()) {
        yield* take(`${INDENT}${INDENT}${indented(JSON.stringify(element, null, 2) ?? 'null', 2)}${position < member.length - 1 ? ',' : ''}\n`);
      }
      yield* take(`${INDENT}]`);
    } else {
      yield* take(indented(JSON.stringify(member, null, 2) as string, 1));
    }
    yield* take(index < members.length - 1 ? ',\n' : '\n');
  }
  yield* take('}\n');
  if (pending) yield pending;
}

/** Text JSON.stringify produced at depth 0, as it would appear at `depth`. */
function indented(json: string, depth: number): string {
  return json.includes('\n') ? json.replace(/\n/g, `\n${INDENT.repeat(depth)}`) : json;
}
