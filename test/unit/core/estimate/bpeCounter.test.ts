/**
 * The BPE counter must give tiktoken's own counts (the prices depend on them): every case is
 * compared with tiktoken's WebAssembly encoder built from the same rank file, for both encodings.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { Tiktoken } from 'tiktoken/lite';
import { BpeTokenCounter, javaScriptPattern, packRankTable, type RankFile } from '../../../../src/core/estimate/bpeCounter';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');
/** Digests of two rank texts (tokens.ts hashes the text; here any two numbers stand for two texts). */
const DIGEST = 0x1234567;
const OTHER_DIGEST = 0x7654321;

/** Edge cases of the pattern translation: contractions in every case (and Rust's `ſ`), White_Space that JavaScript's `\s` reads differently, surrogates, numbers, special-token text. */
const CASES: Array<[string, string]> = [
  ['plain English', 'Summarize the article in three bullet points.'],
  ['contractions in mixed case', "I'm sure he'LL say we'D they'RE you'VE it'S don'T I'M"],
  ['the long s Rust folds with s', "it'ſ ſ 'ſ"],
  ['U+0085 and U+FEFF (JavaScript and Rust disagree on \\s)', 'a\u0085b \ufeffc \u0085\u0085 d\ufeff'],
  ['no-break and ideographic spaces', 'x\u00a0y\u3000z\u2028w\u202f'],
  ['runs of whitespace and newlines', '  leading\n\n\n\ttabs   \r\n  trailing   '],
  ['emoji, CJK, Arabic, combining marks', 'emoji 😀👍🏽 中文字符 العربية é é'],
  ['lone surrogates', 'lone \ud800 high \udc00 low'],
  ['numbers in threes', '1234567 3.14159 1,000,000'],
  ['special-token strings count as text', '<|endoftext|> and <|endofprompt|>'],
  ['identifiers and code', 'const camelCaseName = UPPER_CASE?.call(x) => { return `${a}/b`; } // comment'],
  ['long repeated bytes (many merges)', 'a'.repeat(300) + '='.repeat(200) + '🙂'.repeat(40)],
];

/** Source and prose from the repository: real prompts, code, Markdown. */
function repositoryTexts(): string[] {
  const texts: string[] = [];
  const visit = (target: string): void => {
    const stat = statSync(target);
    if (stat.isDirectory()) {
      for (const name of readdirSync(target).sort()) visit(path.join(target, name));
    } else if (/\.(ts|tsx|md|json|ya?ml)$/.test(target) && stat.size < 100_000 && texts.length < 120) {
      texts.push(readFileSync(target, 'utf8'));
    }
  };
  for (const folder of ['examples', 'docs', 'test/fixtures']) visit(path.join(REPO, folder));
  return texts;
}

for (const encoding of ['o200k_base', 'cl100k_base'] as const) {
  describe(`BPE token counter, ${encoding}`, function () {
    this.timeout(60_000);
    const rankFile = JSON.parse(readFileSync(require.resolve(`tiktoken/encoders/${encoding}.json`), 'utf8')) as RankFile & { special_tokens: Record<string, number> };
    let counter: BpeTokenCounter;
    let tiktoken: Tiktoken;
    before(() => {
      counter = new BpeTokenCounter(rankFile);
      tiktoken = new Tiktoken(rankFile.bpe_ranks, rankFile.special_tokens, rankFile.pat_str);
    });
    after(() => tiktoken.free());

    for (const [name, text] of CASES) {
      it(`counts as tiktoken does: ${name}`, () => {
        assert.equal(counter.count(text), tiktoken.encode_ordinary(text).length);
      });
    }

    it('counts the repository\'s examples, docs and fixtures as tiktoken does', () => {
      const texts = repositoryTexts();
      assert.ok(texts.length > 20, `${texts.length} texts`);
      for (const text of texts) assert.equal(counter.count(text), tiktoken.encode_ordinary(text).length, text.slice(0, 80));
    });

    it('counts as tiktoken does from the rank table packed at build time', () => {
      const fromPacked = new BpeTokenCounter(rankFile, { bytes: packRankTable(rankFile, DIGEST), textDigest: DIGEST });
      assert.equal(fromPacked.ranksFrom, 'packed table');
      for (const text of [...CASES.map(([, text]) => text), ...repositoryTexts()]) assert.equal(fromPacked.count(text), tiktoken.encode_ordinary(text).length, text.slice(0, 80));
    });

    it('builds the table from the rank text when the packed table is for another text of the same length', () => {
      // The first two tokens trade places (and so ranks): a stale table would give this text the old ranks.
      const [ignored, firstRank, first, second, ...rest] = rankFile.bpe_ranks.split(' ');
      assert.equal(first.length, second.length);
      const swapped: RankFile = { ...rankFile, bpe_ranks: [ignored, firstRank, second, first, ...rest].join(' ') };
      const counter = new BpeTokenCounter(swapped, { bytes: packRankTable(rankFile, DIGEST), textDigest: OTHER_DIGEST });
      assert.equal(counter.ranksFrom, 'rank text');
      const reference = new BpeTokenCounter(swapped);
      const text = `${Buffer.from(first, 'base64').toString('latin1')}${Buffer.from(second, 'base64').toString('latin1')} ${CASES[0][1]}`;
      assert.equal(counter.count(text), reference.count(text));
      assert.equal(new BpeTokenCounter(rankFile, { bytes: packRankTable(rankFile, DIGEST).subarray(0, 400), textDigest: DIGEST }).ranksFrom, 'rank text', 'a truncated table');
    });

    it('counts arbitrary Unicode strings as tiktoken does', () => {
      const unicodeText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 60 }));
      fc.assert(
        fc.property(unicodeText, (text) => counter.count(text) === tiktoken.encode_ordinary(text).length),
        { seed: 20261201, numRuns: 3000 },
      );
    });
  });
}

describe('tokenizer pattern translation', () => {
  it('spells out case-insensitive groups and reads \\s as Unicode White_Space', () => {
    assert.equal(javaScriptPattern("(?i:'s|'ll)|\\s+(?!\\S)|[^\\s\\p{L}]"), "(?:'[sSſ]|'[lL][lL])|\\p{White_Space}+(?!\\P{White_Space})|[^\\p{White_Space}\\p{L}]");
  });

  it('refuses a pattern it cannot translate rather than count differently', () => {
    assert.throws(() => javaScriptPattern("(?i:'q)"), /no case folding known for 'q'/);
    assert.throws(() => javaScriptPattern('(?x)a'), /unsupported inline flag/);
  });
});
