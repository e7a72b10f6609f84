import assert from 'node:assert/strict';
import { parseAnnotation, parseRate } from '../../../../src/core/estimate/annotations';

describe('annotations', () => {
  it('parses task and a daily volume into calls per month', () => {
    const { annotation, errors } = parseAnnotation('// llm-advisor: task=extraction calls=20000/day', 7);
    assert.deepEqual(errors, []);
    assert.equal(annotation?.task, 'extraction');
    assert.equal(annotation?.callsPerMonth, Math.round(20000 * 365 / 12));
    assert.equal(annotation?.line, 7);
    assert.equal(annotation?.raw, '// llm-advisor: task=extraction calls=20000/day');
  });

  it('reads every unit, suffix and a plain number as per month', () => {
    const cases: Array<[string, number]> = [
      ['1000', 1000],
      ['20k', 20_000],
      ['1.5m', 1_500_000],
      ['12,000/month', 12_000],
      ['100/hour', 73_000],
      ['700/week', Math.round(700 * 52 / 12)],
      ['1k/day', Math.round(1000 * 365 / 12)],
      ['120000/year', 10_000],
    ];
    for (const [text, expected] of cases) {
      const parsed = parseRate(text);
      assert.ok('callsPerMonth' in parsed, text);
      assert.equal(parsed.callsPerMonth, expected, text);
    }
  });

  it('accepts block comments, commas, spaces around = and /, and hole sizes', () => {
    const { annotation, errors } = parseAnnotation('/* llm-advisor: calls = 20k per day, hole.rag-context=3000 tokens.history=2k */', 3);
    assert.deepEqual(errors, []);
    assert.equal(annotation?.callsPerMonth, Math.round(20000 * 365 / 12));
    assert.deepEqual(annotation?.holeTokens, { 'rag-context': 3000, history: 2000 });
  });

  it('reports bad pairs as errors and keeps the valid ones', () => {
    const { annotation, errors } = parseAnnotation('// llm-advisor: task=sumarization calls=-5 foo=bar hole.image=x calls=30000', 1);
    assert.equal(annotation?.callsPerMonth, 30000);
    assert.equal(annotation?.task, undefined);
    assert.equal(errors.length, 4);
    assert.match(errors[0], /did you mean summarization/);
    assert.match(errors[1], /negative/);
    assert.match(errors[2], /unknown key "foo"/);
    assert.match(errors[3], /not a token count/);
  });

  it('returns no annotation, only errors, when nothing valid is set', () => {
    assert.equal(parseAnnotation('// llm-advisor: calls=100/fortnight', 1).annotation, undefined);
    assert.match(parseAnnotation('// llm-advisor: calls=100/fortnight', 1).errors[0], /unknown time unit/);
    assert.deepEqual(parseAnnotation('// llm-advisor:', 1).errors, ['the llm-advisor comment sets nothing']);
    assert.match(parseAnnotation('// just a comment', 1).errors[0], /no "llm-advisor:" marker/);
  });
});
