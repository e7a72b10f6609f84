/**
 * Exact token counts for tiktoken's byte-pair encodings (o200k_base, cl100k_base) in plain
 * TypeScript, from tiktoken's own rank files. tiktoken's WebAssembly encoder builds a hash map of all
 * 200,000 ranks before it counts anything: about 0.35-0.4 s of CPU and 60 MB per process, which a
 * cold scan paid (in a worker thread) to count a few kilobytes of prompt text. Here the ranks stay in
 * the rank file's own text, found through an open-addressing hash table over its base64 strings (no
 * decoding and no string per token: about 15 ms; a Map of 200,000 strings took 70-110 ms), and
 * counting follows tiktoken's `encode_ordinary` step by step:
 *
 * 1. The text is split by the encoding's pattern (`pat_str`), translated to JavaScript: tiktoken's
 *    Rust regex reads `\s` as Unicode White_Space (JavaScript's `\s` also takes U+FEFF and leaves out
 *    U+0085), and `(?i:'s|...)` becomes explicit case alternatives (Rust folds `s` with `ſ` too).
 * 2. A piece that is a token of its own counts 1.
 * 3. Otherwise it is merged byte pair by byte pair, always the lowest-ranked pair first (the leftmost
 *    on a tie), as tiktoken's `_byte_pair_merge` does; the parts left are its tokens.
 *
 * test/unit/core/estimate/bpeCounter.test.ts compares every count with tiktoken's own encoder.
 */

/** tiktoken's rank file: `bpe_ranks` is one line per run of consecutive ranks: `<ignored> <first rank> <base64 token>...`. */
export interface RankFile {
  bpe_ranks: string;
  pat_str: string;
}

const NO_RANK = Number.MAX_SAFE_INTEGER;
const PIECE_COUNTS_LIMIT = 50_000;

/** A copy of a string that shares no storage with the string it was cut from. */
function flattened(piece: string): string {
  return (' ' + piece).slice(1);
}

export class BpeTokenCounter {
  private readonly ranks: RankTable;
  /** Whether the rank table was read from a packed table or built from the rank file's text. */
  readonly ranksFrom: 'packed table' | 'rank text';
  private readonly pattern: RegExp;
  /** Tokens per piece already counted: prompts repeat their words (midday's 14,000 pieces are 2,300 distinct ones). */
  private readonly pieceCounts = new Map<string, number>();

  /**
   * `packedRanks`: the rank table as `packRankTable` wrote it, with a digest of this rank file's text
   * (see tokens.ts); when absent or packed for another text, the table is built from the text.
   */
  constructor(rankFile: RankFile, packedRanks?: PackedRanks) {
    const unpacked = packedRanks && RankTable.unpack(rankFile.bpe_ranks, packedRanks);
    this.ranksFrom = unpacked ? 'packed table' : 'rank text';
    this.ranks = unpacked ?? RankTable.build(rankFile.bpe_ranks);
    this.pattern = new RegExp(javaScriptPattern(rankFile.pat_str), 'gu');
  }

  /** Tokens of `text` as tiktoken's `encode_ordinary` gives them (special-token strings count as text). */
  count(text: string): number {
    let tokens = 0;
    for (const match of text.matchAll(this.pattern)) {
      const piece = match[0];
      let pieceTokens = this.pieceCounts.get(piece);
      if (pieceTokens === undefined) {
        const bytes = Buffer.from(piece, 'utf8');
        pieceTokens = this.ranks.get(bytes.toString('base64')) !== undefined ? 1 : this.mergedLength(bytes);
        // Bounded for a long editor session; a flattened copy, so a piece never keeps its whole text alive.
        if (this.pieceCounts.size >= PIECE_COUNTS_LIMIT) this.pieceCounts.clear();
        this.pieceCounts.set(flattened(piece), pieceTokens);
      }
      tokens += pieceTokens;
    }
    return tokens;
  }

  private rankOf(bytes: Buffer, start: number, end: number): number {
    return this.ranks.get(bytes.toString('base64', start, end)) ?? NO_RANK;
  }

  /**
   * tiktoken's `_byte_pair_merge`: `starts[i]` is where part i begins and `pairRanks[i]` the rank of
   * part i joined with part i+1; the lowest pair (the first of equals) merges until none has a rank.
   */
  private mergedLength(piece: Buffer): number {
    if (piece.length === 1) return 1;
    const starts: number[] = [];
    const pairRanks: number[] = [];
    for (let index = 0; index < piece.length - 1; index++) {
      starts.push(index);
      pairRanks.push(this.rankOf(piece, index, index + 2));
    }
    starts.push(piece.length - 1, piece.length);
    pairRanks.push(NO_RANK, NO_RANK);
    // The rank of parts i..i+2 joined (what part i pairs with once i+1 merged into it).
    const joinedRank = (index: number): number => (index + 3 < starts.length ? this.rankOf(piece, starts[index], starts[index + 3]) : NO_RANK);
    for (;;) {
      let lowest = NO_RANK;
      let at = -1;
      for (let index = 0; index < pairRanks.length - 1; index++) {
        if (pairRanks[index] < lowest) {
          lowest = pairRanks[index];
          at = index;
        }
      }
      if (at === -1) break;
      if (at > 0) pairRanks[at - 1] = joinedRank(at - 1);
      pairRanks[at] = joinedRank(at);
      starts.splice(at + 1, 1);
      pairRanks.splice(at + 1, 1);
    }
    return starts.length - 1;
  }
}

/**
 * The ranks of a `bpe_ranks` text by base64 token, without a string per token: each token is a slice
 * of the text (its start and end), placed in an open-addressing table by an FNV-1a hash of its
 * characters. A token written twice takes its last rank, as a Map would.
 */
class RankTable {
  private constructor(
    private readonly text: string,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly ranks: Int32Array,
    /** Token index + 1 per slot; 0 is an empty slot. */
    private readonly slots: Int32Array,
  ) {
    this.mask = slots.length - 1;
  }

  private readonly mask: number;

  static build(text: string): RankTable {
    const tokens = tokensOf(text);
    let size = 1;
    while (size < tokens.starts.length * 2) size *= 2;
    const table = new RankTable(text, tokens.starts, tokens.ends, tokens.ranks, new Int32Array(size));
    for (let index = 0; index < tokens.count; index++) table.place(index);
    return table;
  }

  /**
   * The table for this very text from the slots `pack` wrote, or undefined (another text, another
   * layout, a big-endian machine). The tokens' places in the text are found again (a scan for spaces,
   * 10-20 ms for o200k in a fresh process); hashing and placing them, the slow part, is not redone.
   */
  static unpack(text: string, { bytes: packed, textDigest }: PackedRanks): RankTable | undefined {
    if (!LITTLE_ENDIAN || packed.byteLength < PACKED_HEADER_WORDS * 4) return undefined;
    // Int32Array views need 4-byte alignment: a copy otherwise (readFileSync gives an aligned buffer).
    const bytes = packed.byteOffset % 4 === 0 ? packed : new Uint8Array(packed);
    const [magic, version, textLength, textHash, size] = new Int32Array(bytes.buffer, bytes.byteOffset, PACKED_HEADER_WORDS);
    if (magic !== PACKED_MAGIC || version !== PACKED_VERSION || textLength !== text.length || textHash !== textDigest) return undefined;
    if (bytes.byteLength !== (PACKED_HEADER_WORDS + size) * 4 || size === 0 || (size & (size - 1)) !== 0) return undefined;
    const tokens = tokensOf(text);
    return new RankTable(text, tokens.starts, tokens.ends, tokens.ranks, new Int32Array(bytes.buffer, bytes.byteOffset + PACKED_HEADER_WORDS * 4, size));
  }

  /** The table as bytes for `unpack`: a header (format, the text's length and digest, the slot count), then the slots. */
  pack(textDigest: number): Uint8Array {
    const words = new Int32Array(PACKED_HEADER_WORDS + this.slots.length);
    words.set([PACKED_MAGIC, PACKED_VERSION, this.text.length, textDigest, this.slots.length]);
    words.set(this.slots, PACKED_HEADER_WORDS);
    return new Uint8Array(words.buffer);
  }

  get(token: string): number | undefined {
    for (let slot = hashOf(token, 0, token.length) & this.mask; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      const index = this.slots[slot] - 1;
      if (this.ends[index] - this.starts[index] === token.length && this.text.startsWith(token, this.starts[index])) return this.ranks[index];
    }
    return undefined;
  }

  private place(index: number): void {
    const start = this.starts[index];
    const length = this.ends[index] - start;
    let slot = hashOf(this.text, start, this.ends[index]) & this.mask;
    for (; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      const other = this.slots[slot] - 1;
      if (this.ends[other] - this.starts[other] === length && this.text.startsWith(this.text.slice(start, this.ends[index]), this.starts[other])) break;
    }
    this.slots[slot] = index + 1;
  }
}

/** Each token of a `bpe_ranks` text: where it starts and ends in the text, and its rank; `count` of them (the arrays may be longer). */
function tokensOf(text: string): { starts: Int32Array; ends: Int32Array; ranks: Int32Array; count: number } {
  let capacity = 0;
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) capacity++;
  const starts = new Int32Array(capacity);
  const ends = new Int32Array(capacity);
  const ranks = new Int32Array(capacity);
  let count = 0;
  for (let lineStart = 0; lineStart < text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    // `<ignored> <first rank> <token> <token> ...`
    const firstSpace = text.indexOf(' ', lineStart);
    const secondSpace = firstSpace === -1 || firstSpace >= lineEnd ? -1 : text.indexOf(' ', firstSpace + 1);
    if (secondSpace !== -1 && secondSpace < lineEnd) {
      let rank = Number(text.slice(firstSpace + 1, secondSpace));
      for (let start = secondSpace + 1; start <= lineEnd; rank++) {
        let end = text.indexOf(' ', start);
        if (end === -1 || end > lineEnd) end = lineEnd;
        if (end > start) {
          starts[count] = start;
          ends[count] = end;
          ranks[count++] = rank;
        }
        start = end + 1;
      }
    }
    lineStart = lineEnd + 1;
  }
  return { starts, ends, ranks, count };
}

/** Packed rank tables: "RNKT", then the layout version (change it with the layout or the digest), the text's length and digest, the slot count. */
const PACKED_MAGIC = 0x544b4e52;
const PACKED_VERSION = 2;
const PACKED_HEADER_WORDS = 5;
/** Packed tables are written and read in the machine's byte order, which is little-endian on every platform VS Code runs on. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A packed rank table, and the digest of the rank text it must be for (a 32-bit integer the caller computes the same way for both). */
export interface PackedRanks {
  bytes: Uint8Array;
  textDigest: number;
}

/** The rank table of a rank file, packed (see RankTable.unpack), for the text with this digest. */
export function packRankTable(rankFile: RankFile, textDigest: number): Uint8Array {
  return RankTable.build(rankFile.bpe_ranks).pack(textDigest);
}

/** FNV-1a over the characters of text[start, end) (base64: all ASCII). */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

/** Case alternatives for the letters of tiktoken's contractions, as Rust's Unicode case folding matches them. */
const FOLDED: Record<string, string> = { s: '[sSſ]', t: '[tT]', r: '[rR]', e: '[eE]', v: '[vV]', m: '[mM]', l: '[lL]', d: '[dD]' };

/** tiktoken's Rust pattern as a JavaScript `u` pattern with the same matches (see the file comment). */
export function javaScriptPattern(rustPattern: string): string {
  const withoutInlineFlags = rustPattern.replace(/\(\?i:([^)]*)\)/g, (_, body: string) => {
    const alternatives = body.split('|').map((alternative) =>
      [...alternative]
        .map((character) => {
          const folded = FOLDED[character];
          if (folded) return folded;
          if (/[a-z]/i.test(character)) throw new Error(`no case folding known for '${character}' in the tokenizer pattern`);
          return character;
        })
        .join(''),
    );
    return `(?:${alternatives.join('|')})`;
  });
  if (/\(\?[a-z]/i.test(withoutInlineFlags)) throw new Error('unsupported inline flag in the tokenizer pattern');
  return withoutInlineFlags.replace(/\\s/g, '\\p{White_Space}').replace(/\\S/g, '\\P{White_Space}');
}
