import * as assert from 'node:assert/strict';
import { holeNameClass, identifierWords, leafName, type HoleNameClass } from '../../../src/model/holeNames';

describe('model: what a hole name says of its size', function () {
  const cases: Array<[string, HoleNameClass | undefined]> = [
    // Kept as before.
    ['ticket.subject', 'short'],
    ['question', 'short'],
    ['ticket.body', 'message'],
    ['userInput', 'message'],
    ['articleText', 'message'],
    ['resumeDocument', 'document'],
    ['sourceCode', 'file'],
    ['generatedCode', 'file'],
    ['content.code', 'file'],
    ['code', 'file'],
    ['x', undefined],
    // A code that names a country, currency, language or status is an identifier, not source.
    ['ctx.countryCode', 'short'],
    ['langCode', 'short'],
    ['currencyCode', 'short'],
    ['res.statusCode', 'short'],
    ['zipCode', 'short'],
    ['postalCode', 'short'],
    ['country_code', 'short'],
    // A type, kind, mode or id of something big is short.
    ['documentType', 'short'],
    ['content.type', 'short'],
    ['artifactKind', 'short'],
    ['reviewMode', 'short'],
    ['documentId', 'short'],
    ['document.metadata?.url', 'short'],
    // The last word decides, not a modifier before it.
    ['allowedHTMLElements', undefined],
  ];
  for (const [expression, expected] of cases) {
    it(`${expression} → ${expected ?? 'nothing'}`, () => assert.equal(holeNameClass(expression), expected));
  }

  it('splits identifiers into lower-case words, acronyms included', () => {
    assert.deepEqual(identifierWords('allowedHTMLElements'), ['allowed', 'html', 'elements']);
    assert.deepEqual(identifierWords('zip_code'), ['zip', 'code']);
    assert.deepEqual(identifierWords('countryCode'), ['country', 'code']);
  });

  it('reads the leaf of an expression', () => {
    assert.equal(leafName('ticket.subject'), 'subject');
    assert.equal(leafName("docs.join('\\n')"), 'docs');
    assert.equal(leafName('...history'), 'history');
    assert.equal(leafName('content.code?.slice(0, 500)'), 'code');
  });
});
