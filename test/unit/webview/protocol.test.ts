import * as assert from 'node:assert/strict';
import { isCallSiteId, parseFromWebview, parseToWebview, parseViewState } from '../../../src/webview/protocol';
import { scanResult } from './fixtures';

describe('webview protocol: messages from the webview (untrusted)', function () {
  it('accepts the known messages and returns fresh copies', function () {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'rescan' }), { type: 'rescan' });
    assert.deepEqual(parseFromWebview({ type: 'reveal', callSiteId: 'src/a.ts:3:7' }), { type: 'reveal', callSiteId: 'src/a.ts:3:7' });
    assert.deepEqual(parseFromWebview({ type: 'select', callSiteId: null }), { type: 'select', callSiteId: null });
    const raw = { type: 'reveal', callSiteId: 'x' };
    assert.notEqual(parseFromWebview(raw), raw);
  });

  it('rejects unknown types and non-objects', function () {
    for (const raw of [undefined, null, 'ready', 42, [], [{ type: 'ready' }], { type: 'openFile', path: '/etc/passwd' }, { type: 'READY' }, { kind: 'ready' }, {}]) {
      assert.equal(parseFromWebview(raw), undefined, JSON.stringify(raw) ?? String(raw));
    }
  });

  it('rejects forged fields: a reveal cannot carry a path, uri or extra data', function () {
    assert.equal(parseFromWebview({ type: 'reveal', callSiteId: 'a', file: '/etc/passwd' }), undefined);
    assert.equal(parseFromWebview({ type: 'reveal', callSiteId: 'a', uri: 'file:///etc/passwd' }), undefined);
    assert.equal(parseFromWebview({ type: 'ready', result: {} }), undefined);
  });

  it('rejects ids that are not short printable strings', function () {
    for (const id of [undefined, null, 1, {}, ['a'], '', 'a\u0000b', 'a\nb', 'x'.repeat(513), { toString: () => 'a' }]) {
      assert.equal(parseFromWebview({ type: 'reveal', callSiteId: id }), undefined, String(id));
    }
    assert.ok(isCallSiteId('x'.repeat(512)));
  });

  it('rejects objects with a tampered prototype', function () {
    const forged = Object.create({ type: 'ready' });
    assert.equal(parseFromWebview(forged), undefined);
    class Msg { type = 'ready'; }
    assert.equal(parseFromWebview(new Msg()), undefined);
  });
});

describe('webview protocol: messages from the host', function () {
  it('accepts a scan result, a null result, scan state and focus', function () {
    const result = scanResult();
    assert.deepEqual(parseToWebview({ type: 'scanResult', result }), { type: 'scanResult', result });
    assert.deepEqual(parseToWebview({ type: 'scanResult', result: null, focusCallSiteId: 'a' }), { type: 'scanResult', result: null, focusCallSiteId: 'a' });
    assert.deepEqual(parseToWebview({ type: 'scanState', scanning: true }), { type: 'scanState', scanning: true });
    assert.deepEqual(parseToWebview({ type: 'focus', callSiteId: 'a' }), { type: 'focus', callSiteId: 'a' });
  });

  it('rejects malformed host messages', function () {
    assert.equal(parseToWebview({ type: 'scanResult', result: { schemaVersion: 2 } }), undefined);
    assert.equal(parseToWebview({ type: 'scanResult', result: { ...scanResult(), callSites: [{ id: 5 }] } }), undefined);
    assert.equal(parseToWebview({ type: 'scanState', scanning: 'yes' }), undefined);
    assert.equal(parseToWebview({ type: 'focus' }), undefined);
    assert.equal(parseToWebview({ type: 'eval', code: 'alert(1)' }), undefined);
  });

  it('restores a valid view state and falls back field by field', function () {
    const result = scanResult();
    assert.deepEqual(parseViewState({ selectedCallSiteId: 'a', sortKey: 'current', sortDescending: false, filter: 'x', result }), {
      selectedCallSiteId: 'a',
      sortKey: 'current',
      sortDescending: false,
      filter: 'x',
      result,
    });
    const fallback = parseViewState({ selectedCallSiteId: 7, sortKey: 'evil', sortDescending: 'no', filter: 3, result: { nope: 1 } });
    assert.deepEqual(fallback, { selectedCallSiteId: null, sortKey: 'savings', sortDescending: true, filter: '', result: null });
    assert.equal(parseViewState(undefined).result, null);
  });
});
