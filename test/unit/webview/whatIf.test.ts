import * as assert from 'node:assert/strict';
import { renderSummary, renderWhatIf } from '../../../src/webview/render';
import { parseToWebview, parseWhatIfState } from '../../../src/webview/protocol';
import { callSite, HOSTILE, scanResult } from './fixtures';

describe('webview render: what-if inputs and price source', function () {
  const choices = { gpus: [{ id: 'h100-80gb', name: 'NVIDIA H100' }, { id: 'l4', name: HOSTILE.script }], precisions: ['bf16', 'fp8'] };

  it('shows the call\'s volume, the selects with the current choice, and enables save only for a changed volume', function () {
    const site = callSite();
    const plain = renderWhatIf(site, {}, choices);
    assert.match(plain, /id="whatif-calls" type="number"[^>]* value="60000"/);
    assert.match(plain, /id="whatif-save"[^>]* disabled/);
    assert.match(plain, /id="whatif-reset"[^>]* disabled/);
    assert.match(plain, /takes precedence over llm-usage\.yml/, 'an annotation shadows the usage file: say so');
    const changed = renderWhatIf(site, { callsPerMonth: { [site.id]: 5 }, gpu: 'h100-80gb', precision: 'fp8', dataSensitivity: 'regulated' }, choices);
    assert.match(changed, /value="5"/);
    assert.doesNotMatch(changed, /id="whatif-save"[^>]* disabled/);
    assert.match(changed, /<option value="h100-80gb" selected>/);
    assert.match(changed, /<option value="fp8" selected>/);
    assert.match(changed, /<option value="regulated" selected>/);
    assert.ok(changed.includes('&lt;script&gt;') && !changed.includes('<script>'), 'GPU names escaped');
  });

  it('without a selected call the volume input is disabled', function () {
    assert.match(renderWhatIf(undefined, {}, choices), /id="whatif-calls"[^>]* disabled/);
  });

  it('the summary says which prices are in use and when numbers are what-ifs', function () {
    const r = scanResult();
    const bundled = renderSummary(r, false, undefined, { prices: { bundledAsOf: '2026-07-24' } });
    assert.match(bundled, /bundled catalog, works offline/);
    const over = renderSummary(r, false, undefined, { prices: { bundledAsOf: '2026-07-24', override: { asOf: '2026-11-01', url: 'https://raw.example/x.json', fetchedAt: '2026-11-27T00:00:00Z', models: 12 } }, whatIfActive: true });
    assert.match(over, /override active: 12 model prices from raw\.example as of <span id="override-asof">2026-11-01/);
    assert.match(over, /id="whatif-active"/);
    const hostile = renderSummary(r, false, undefined, { prices: { bundledAsOf: HOSTILE.script, override: { asOf: HOSTILE.textarea, url: HOSTILE.javascriptUrl, fetchedAt: 'x', models: 1 } } });
    assert.ok(!hostile.includes('<script>') && !hostile.includes('</textarea>'));
  });

  it('the webview drops malformed what-if state, prices and choices from the host', function () {
    assert.deepEqual(parseWhatIfState({ callsPerMonth: { a: 5, b: -1, c: 'x' }, gpu: '../x', precision: 'fp3', dataSensitivity: 'regulated' }), { callsPerMonth: { a: 5 }, dataSensitivity: 'regulated' });
    const m = parseToWebview({ type: 'scanResult', result: null, prices: { bundledAsOf: 5 }, choices: { gpus: [{ id: 'BAD ID', name: 'x' }], precisions: ['int4', 'nope'] } });
    assert.deepEqual(m, { type: 'scanResult', result: null, choices: { gpus: [], precisions: ['int4'] } });
    assert.equal(parseToWebview({ type: 'notice', level: 'warn', text: 'x' }), undefined);
  });
});
