/**
 * The classifier skips a wording rule when the text lacks what every match of the rule contains
 * (requiredText.ts). A wrong requirement would silently drop a task signal, so every rule is checked
 * against texts generated to match it, alone and inside other text, in any case.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mayMatch, requiredText } from '../../../../src/core/estimate/requiredText';
import { TEXT_RULES } from '../../../../src/core/estimate/task';

/** Whether the prefilter lets `text` through to the pattern. */
function passes(pattern: RegExp, text: string): boolean {
  return mayMatch(requiredText(pattern), text, text.toLowerCase(), pattern.ignoreCase);
}

/** Upper-cases the letters at the chosen positions: a case-insensitive rule matches them all. */
function recased(text: string, upper: boolean[]): string {
  return [...text].map((c, index) => (upper[index % upper.length] ? c.toUpperCase() : c)).join('');
}

/**
 * What fast-check can generate from: the rule without `i` (its matches are the rule's matches too) and
 * without word boundaries and lookarounds, which it does not implement; generated texts the rule itself
 * does not match are left out of the check.
 */
function generatorPattern(pattern: RegExp): RegExp {
  // A word boundary becomes a space, which makes one next to a word character.
  let source = pattern.source.replace(/\\b/g, ' ').replace(/\\B/g, '');
  for (let at = source.search(/\(\?<?[=!]/); at !== -1; at = source.search(/\(\?<?[=!]/)) {
    let depth = 0;
    let end = at;
    for (; end < source.length; end++) {
      if (source[end] === '\\') end++;
      else if (source[end] === '(') depth++;
      else if (source[end] === ')' && --depth === 0) break;
    }
    source = source.slice(0, at) + source.slice(end + 1);
  }
  return new RegExp(source, pattern.flags.replace('i', ''));
}

describe('required text of a pattern', function () {
  this.timeout(120_000);

  it('lets through every text a classifier rule matches (generated matches, embedded, re-cased)', () => {
    TEXT_RULES.forEach((rule, index) => {
      const texts = fc.tuple(fc.string(), fc.stringMatching(generatorPattern(rule.pattern)), fc.string(), fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }));
      let matched = 0;
      fc.assert(
        fc.property(texts, ([before, match, after, upper]) => {
          const texts = [match, `${before} ${match} ${after}`];
          const variants = rule.pattern.ignoreCase ? [...texts, ...texts.map((text) => recased(text, upper))] : texts;
          for (const variant of variants) {
            if (!rule.pattern.test(variant)) continue;
            matched++;
            assert.ok(passes(rule.pattern, variant), `rule ${index} /${rule.pattern.source}/ matches ${JSON.stringify(variant)} but its required text ${JSON.stringify(requiredText(rule.pattern))} is not in it`);
          }
        }),
        { seed: 20261201 + index, numRuns: 60 },
      );
      assert.ok(matched >= 30, `rule ${index}: only ${matched} generated texts match /${rule.pattern.source}/`);
    });
  });

  it('finds a requirement for all but the rules written in other scripts', () => {
    const without = TEXT_RULES.filter((rule) => requiredText(rule.pattern) === undefined);
    assert.ok(without.length <= 2, `${without.length} rules have no required text: ${without.map((rule) => rule.pattern.source.slice(0, 40)).join(' | ')}`);
  });

  it('requires plain characters, not what optional, repeated-from-zero, class or lookaround parts may leave out', () => {
    assert.deepEqual(requiredText(/colou?r/), ['colo']);
    assert.equal(passes(/colou?r/, 'colour'), true);
    assert.equal(passes(/colou?r/, 'cool'), false);
    assert.deepEqual(requiredText(/\bclassif(y|ies|ied)\b/i), ['classif']);
    assert.equal(passes(/\bclassif(y|ies|ied)\b/i, 'CLASSIFY this'), true);
    assert.deepEqual(requiredText(/(?<!the )chat(?! history)/i), ['chat']);
    assert.deepEqual(requiredText(/(ab|cd)x*/), ['ab', 'cd']);
    assert.equal(requiredText(/a|b?/), undefined, 'an alternative that can be empty requires nothing');
    assert.equal(requiredText(/[a-z]+\d/), undefined);
    assert.equal(requiredText(/\w{0,3}/), undefined);
    assert.deepEqual(requiredText(/\[\d\]/), ['['], 'escaped punctuation is plain');
    assert.equal(requiredText(/kelvin/iu), undefined, 'unicode case folding is not analysed');
    assert.deepEqual(requiredText(/Yes/), ['Yes'], 'case-sensitive patterns keep their case');
    assert.equal(passes(/Yes/, 'yes'), false);
  });
});
