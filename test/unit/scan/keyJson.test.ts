import * as assert from 'node:assert/strict';
import { keyJson } from '../../../src/scan/keyJson';

describe('keyJson (cache and store keys of plain data)', () => {
  it('writes maps and sets as their entries, so different contents give different keys', () => {
    const settings = (model: string) => ({ env: new Map([['OPENAI_MODEL', [{ value: model, file: '.env.example' }]]]), names: new Set([model]) });
    assert.notEqual(keyJson(settings('gpt-4o')), keyJson(settings('gpt-4o-mini')));
    assert.equal(keyJson(settings('gpt-4o')), keyJson(settings('gpt-4o')));
    assert.equal(keyJson({ env: new Map([['A', 1]]), names: new Set(['b']) }), '{"env":[["A",1]],"names":["b"]}');
  });

  it('writes everything else as JSON.stringify does', () => {
    const value = { a: 1, b: [true, null, 'x'], c: { d: undefined } };
    assert.equal(keyJson(value), JSON.stringify(value));
  });
});
