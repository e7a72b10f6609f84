import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatCount, formatPercent, formatUsd } from '../../../src/model/format';
import { formatSiteCost, modelLabel, neutralizeUnsafeChars, stripUnsafeChars, writtenModel } from '../../../src/model/display';
import { mdCode, mdText } from '../../../src/core/report/markdown';

describe('model: the one number format', function () {
  const cases: Array<[number | null | undefined, string]> = [
    [null, '$?'],
    [undefined, '$?'],
    [Number.NaN, '$?'],
    [Number.POSITIVE_INFINITY, '$?'],
    [0, '$0.00'],
    [0.004, '<$0.01'],
    [0.005, '$0.01'],
    [0.02, '$0.02'],
    [23.825, '$23.83'],
    [2.655, '$2.66'],
    [99.994, '$99.99'],
    [99.996, '$100'],
    [100, '$100'],
    [284.5, '$285'],
    [31250, '$31,250'],
    [-12.4, '-$12.40'],
    [-0.001, '-<$0.01'],
    [-1234.4, '-$1,234'],
    // From 1e21 up the shortest form has an exponent; the dollars keep it rather than read NaN.
    [1e21, '$1e+21'],
    [2.5e21, '$2.5e+21'],
    [-2.5e21, '-$2.5e+21'],
    [Number.MAX_VALUE, '$1.7976931348623157e+308'],
    [1.2345e21, '$1.2345e+21'],
    [1e20, '$100,000,000,000,000,000,000'],
    [-0.005, '-$0.01'],
    [-23.825, '-$23.83'],
  ];
  for (const [value, expected] of cases) {
    it(`formatUsd(${value}) = ${expected}`, function () {
      assert.equal(formatUsd(value), expected);
    });
  }

  it('never writes NaN for a finite amount, at any size or precision', function () {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('auto' as const, 'whole' as const), (value, precision) => !formatUsd(value, precision).includes('NaN')),
      { seed: 20261201, numRuns: 5000 },
    );
  });

  it('rounds amounts written to a tenth of a cent half up, as written, half cents included', function () {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 99_994 }), (mills) => {
        const cents = Math.floor((mills + 5) / 10);
        return formatUsd(mills / 1000) === `$${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      }),
      { seed: 20261201, numRuns: 20000 },
    );
  });

  it('whole dollars at any size, for estimates to the dollar', function () {
    assert.equal(formatUsd(45.4, 'whole'), '$45');
    assert.equal(formatUsd(20000 / 1000, 'whole'), '$20');
    assert.equal(formatUsd(-5.6, 'whole'), '-$6');
    assert.equal(formatUsd(0.003, 'whole'), '$0');
    assert.equal(formatUsd(-0.3, 'whole'), '$0');
    assert.equal(formatUsd(null, 'whole'), '$?');
  });

  it('rounds to cents half up on the shortest decimal form, near half cents and away from them, at any size', function () {
    // The definition: the amount's shortest decimal form shifted two places, rounded half up.
    const byDecimalForm = (value: number): string => {
      const abs = Math.abs(value);
      const sign = value < 0 ? '-' : '';
      if (abs > 0 && abs < 0.005) return `${sign}<$0.01`;
      const [mantissa, exponent = '0'] = String(abs).split('e');
      const cents = Math.round(Number(`${mantissa}e${Number(exponent) + 2}`)) / 100;
      if (cents >= 100) return `${sign}$${Math.round(abs).toLocaleString('en-US')}`;
      return `${sign}$${cents.toFixed(2)}`;
    };
    const halfCents = Array.from({ length: 20_000 }, (_, k) => (k + 0.5) / 100);
    const nearHalfCents = halfCents.flatMap((value) => [value * (1 + Number.EPSILON), value * (1 - Number.EPSILON), value + 1e-12, value - 1e-12]);
    for (const value of [...halfCents, ...nearHalfCents, 23.825, 1.005, 99.995, 99.99499999999999, 100, 1e15 + 0.5]) assert.equal(formatUsd(value), byDecimalForm(value), String(value));
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 0, max: 200, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 1_000_000 }).map((k) => k / 1000)), (value) => {
        assert.equal(formatUsd(value), byDecimalForm(value), String(value));
      }),
      { seed: 20261201, numRuns: 20_000 },
    );
  });

  it('counts and shares', function () {
    assert.equal(formatCount(1234567.4), '1,234,567');
    assert.equal(formatCount(-0.4), '0');
    assert.equal(formatCount(-1500), '-1,500');
    assert.equal(formatCount(undefined), '?');
    assert.equal(formatPercent(0.804), '80%');
    assert.equal(formatPercent(null), '?');
  });

  it('groups the thousands of any whole number as en-US does, and leaves exponent forms alone', function () {
    // The grouping cuts digit strings directly (no regex per number): the same text as Intl's en-US.
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => formatCount(n) === n.toLocaleString('en-US') || Object.is(n, -0)),
      { seed: 20261201, numRuns: 2000 },
    );
    for (const n of [0, 7, 999, 1000, 12345, 123456, 1234567, 10 ** 15, 2 ** 53]) assert.equal(formatCount(n), n.toLocaleString('en-US'));
    assert.equal(formatCount(1e21), '1e+21');
    assert.equal(formatCount(1.2345e21), '1.2345e+21');
  });
});

describe('model: one set of unsafe characters', function () {
  const hostile = 'a\u202eb\u200bc\u2066d\u0085e\ufefff\u0007g';
  it('the panel and hover show them, the Markdown plan drops them: the same characters', function () {
    assert.equal(neutralizeUnsafeChars(hostile), 'a<U+202E>b<U+200B>c<U+2066>d<U+0085>e<U+FEFF>f<U+0007>g');
    assert.equal(stripUnsafeChars(hostile), 'abcdefg');
    assert.equal(mdText(hostile), 'abcdefg');
    assert.equal(mdCode(hostile), '`abcdefg`');
  });
});

describe('model: a cost over candidate models', function () {
  const site = (monthlyUsdCurrent: number, low: number, high: number) => ({ monthlyUsdCurrent, monthlyUsdCurrentRange: { low, high } }) as Parameters<typeof formatSiteCost>[0];
  it('shows the spread only when its ends read differently at the precision shown', function () {
    assert.equal(formatSiteCost(site(27, 12, 450)), '$27.00 ($12.00–$450)');
    // A spread of cents on a three-figure amount reads as one number, never `$660–$660`.
    assert.equal(formatSiteCost(site(660.17, 659.9, 660.3)), '$660');
    assert.equal(formatSiteCost(site(2.5, 2.5, 2.5)), '$2.50');
  });
});

describe('model: a model expression as the code writes it', function () {
  const cases: Array<{ name: string; raw: string; label: string }> = [
    { name: 'a short expression stays as written', raw: 'process.env.OPENAI_MODEL ?? "gpt-4o-mini"', label: 'process.env.OPENAI_MODEL ?? "gpt-4o-mini"' },
    {
      name: 'an argument written over several lines reads as one, its indentation dropped',
      raw: 'withEmptyResponseRetry(\n\t\t\t\tprovider.operations.language(context.model.id),\n\t\t\t\tprovider.retryEmptyResponses,\n\t\t\t) as never',
      label: 'withEmptyResponseRetry( provider.operations.language(context.model.id), provide…',
    },
    { name: 'surrounding space is dropped', raw: '  model \n', label: 'model' },
  ];
  for (const { name, raw, label } of cases) {
    it(name, function () {
      assert.equal(writtenModel(raw), label);
      assert.equal(modelLabel({ id: null, raw }), label);
    });
  }

  it('a known model is shown by its id, whatever was written', function () {
    assert.equal(modelLabel({ id: 'gpt-4o', raw: 'MODELS[\n  "default"\n]' }), 'gpt-4o');
  });

  it('never spans lines nor passes the length a table cell or lens can hold', function () {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '(', ' ', '\n', '\t', 'x', '.') }), (raw) => {
        const label = writtenModel(raw);
        assert.ok(!/[\n\t]/.test(label), `one line: ${JSON.stringify(label)}`);
        assert.ok(label.length <= 80, `at most 80 characters: ${label.length}`);
      }),
    );
  });
});
