/**
 * Exact token counts for tiktoken's byte-pair encodings (o200k_base, cl100k_base) in plain
 * TypeScript, from tiktoken's own rank files. tiktoken's WebAssembly encoder builds a hash map of all
 * 200,000 ranks before it counts anything: about 0.35-0.4 s of CPU and 60 MB per process, which a
 * cold scan paid (in a worker thread) to count a few kilobytes of prompt text. Here the ranks are a
 * Map keyed by the rank file's own base64 strings (no decoding: about 70 ms), and counting follows
 * tiktoken's `encode_ordinary` step by step:
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

export class BpeTokenCounter {
  private readonly ranks = new Map<string, number>();
  private readonly pattern: RegExp;

  constructor(rankFile: RankFile) {
    for (const line of rankFile.bpe_ranks.split('\n')) {
      if (!line) continue;
      const fields = line.split(' ');
      const first = Number(fields[1]);
      for (let index = 2; index < fields.length; index++) this.ranks.set(fields[index], first + index - 2);
    }
    this.pattern = new RegExp(javaScriptPattern(rankFile.pat_str), 'gu');
  }

  /** Tokens of `text` as tiktoken's `encode_ordinary` gives them (special-token strings count as text). */
  count(text: string): number {
    let tokens = 0;
    for (const match of text.matchAll(this.pattern)) {
      const piece = Buffer.from(match[0], 'utf8');
      tokens += this.ranks.has(piece.toString('base64')) ? 1 : this.mergedLength(piece);
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
