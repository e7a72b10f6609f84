import * as assert from 'node:assert/strict';
import { filterCallSites, renderDetail, renderGrid, renderRow, renderSizing, renderSummary, sortCallSites } from '../../../src/webview/render';
import { esc, escAttr } from '../../../src/model/display';
import { formatUsd } from '../../../src/model/format';
import { callSite, HOSTILE, scanResult } from './fixtures';

/** No raw tag, attribute break or bidi control survives in the markup. */
function assertInert(html: string): void {
  assert.ok(!/<script/i.test(html), 'no <script> element');
  assert.ok(!/<\/textarea/i.test(html), 'no </textarea>');
  assert.ok(!/<img/i.test(html), 'no <img> element');
  // Real tags are ours (user `<` is escaped); with quoted values removed, no handler attribute may remain.
  for (const tag of html.match(/<[^>]*>/g) ?? []) {
    const bare = tag.replace(/="[^"]*"/g, '=""');
    assert.ok(!/\son\w+\s*=/i.test(bare), `no event-handler attribute in ${tag}`);
    assert.ok(!/['`]/.test(bare), `no stray quote in ${tag}`);
  }
  assert.ok(!/(href|src)\s*=\s*["']?\s*javascript:/i.test(html), 'no javascript: URL');
  assert.ok(!/[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u0000-\u0008]/.test(html), 'no bidi/invisible/control characters');
}

describe('webview render: escaping', function () {
  it('esc() escapes HTML metacharacters', function () {
    assert.equal(esc(HOSTILE.script), '&lt;script&gt;alert(1)&lt;/script&gt;');
    assert.equal(esc('a & b < c > d " e \' f ` g'), 'a &amp; b &lt; c &gt; d &quot; e &#39; f &#96; g');
    assert.equal(esc(null), '');
    assert.equal(esc(undefined), '');
    assert.equal(esc(42), '42');
  });

  it('esc() makes bidi overrides, zero-width and control characters visible', function () {
    assert.equal(esc(HOSTILE.bidi), 'access&lt;U+202E&gt;&lt;U+2066&gt; ;admin&lt;U+2069&gt;&lt;U+2067&gt;');
    assert.equal(esc(HOSTILE.zeroWidth), 'gpt&lt;U+200B&gt;-4o');
    assert.equal(esc(HOSTILE.control), 'a&lt;U+0000&gt;b&lt;U+001B&gt;c');
    assert.equal(esc('line\nnext\ttab'), 'line\nnext\ttab', 'newline and tab stay');
  });

  it('escAttr() cannot be broken out of a double-quoted attribute', function () {
    const v = escAttr(HOSTILE.attrBreak + '\n' + HOSTILE.singleQuote);
    assert.ok(!v.includes('"'));
    assert.ok(!v.includes("'"));
    assert.ok(!v.includes('\n'));
    assert.ok(!v.includes('<'));
  });

  for (const [name, hostile] of Object.entries(HOSTILE)) {
    it(`renders hostile ${name} inert in every user-controlled field`, function () {
      const site = callSite({
        id: `id-${hostile}`,
        file: `src/${hostile}.ts`,
        provider: hostile,
        method: hostile,
        model: { id: null, raw: hostile, source: 'dynamic' },
        task: { type: 'other', confidence: 0.2, reasons: [hostile] },
        tokens: { inputPerCall: 1, outputPerCall: 1, method: hostile, holes: [{ kind: 'interpolation', expression: hostile, tokens: 10, source: 'default' }] },
        volume: { callsPerMonth: 1, source: 'default', basis: hostile },
        options: [{ tier: 'closed-api', label: hostile, monthlyUsd: 1, viable: true, why: hostile, derivation: hostile }],
        recommendation: { tier: 'open-api', label: hostile, monthlyUsd: 0.5, savingsUsd: 0.5, why: hostile },
        enclosingFunction: hostile,
        evidence: [hostile],
        promptPreview: hostile,
      });
      const result = scanResult([site]);
      result.catalog.asOf = hostile;
      result.summary.volumeAssumption = hostile;
      const html = [
        renderSummary(result, true, hostile),
        renderGrid([site], { sortKey: 'file', sortDescending: false, selectedId: site.id }),
        renderDetail(site),
      ].join('\n');
      assertInert(html);
    });
  }

  it('keeps the prompt text readable (escaped, not dropped)', function () {
    const html = renderDetail(callSite({ promptPreview: 'Classify <ticket> & reply' }));
    assert.ok(html.includes('Classify &lt;ticket&gt; &amp; reply'));
  });
});

describe('webview render: content', function () {
  it('summary shows spend, recommendation, savings, as-of date and volume assumption', function () {
    const html = renderSummary(scanResult(), false);
    assert.ok(html.includes(formatUsd(1240)));
    assert.ok(html.includes(formatUsd(95)));
    assert.ok(html.includes(formatUsd(1145)));
    assert.ok(html.includes('2026-07-24'));
    assert.ok(html.includes('volume from: annotation'));
  });

  it('summary says when there is no result yet, or the scan failed', function () {
    assert.ok(renderSummary(null, true).includes('Scanning'));
    assert.ok(renderSummary(null, false, 'boom').includes('Scan failed: boom'));
  });

  it('a row shows file:line, provider/model, task, tokens, calls and source, costs, recommendation', function () {
    const html = renderRow(callSite(), true);
    for (const part of ['src/a.ts:3', 'openai', 'gpt-4o', 'classification', '90%', '1,200 / 5', '60,000', 'annotation', '$1,240', 'Llama 3.3 70B on Groq', '$95.00', '$1,145']) {
      assert.ok(html.includes(part), `row contains ${part}`);
    }
    assert.ok(html.includes('data-id="src/a.ts:3:7:openai"'));
    assert.ok(html.includes('aria-selected="true"'));
  });

  it('the detail lists every option with price, viability and why, cheapest first', function () {
    const html = renderDetail(callSite());
    const order = ['Llama 3.3 70B on Groq', 'Llama 3.1 8B on 1x L4', 'Stay on gpt-4o'].map((l) => html.indexOf(l));
    assert.ok(order.every((i) => i > 0));
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    assert.ok(html.includes('GPU idle most of the month'));
    assert.ok(html.includes('<td>no</td>'));
  });

  it('sorts and filters', function () {
    const a = callSite({ id: 'a', file: 'src/a.ts', monthlyUsdCurrent: 10, task: { type: 'chat', confidence: 1, reasons: [] } });
    const b = callSite({ id: 'b', file: 'src/b.ts', monthlyUsdCurrent: 30 });
    const c = callSite({ id: 'c', file: 'lib/c.ts', monthlyUsdCurrent: 20 });
    assert.deepEqual(sortCallSites([a, b, c], 'current', true).map((s) => s.id), ['b', 'c', 'a']);
    assert.deepEqual(sortCallSites([a, b, c], 'file', false).map((s) => s.id), ['c', 'a', 'b']);
    assert.deepEqual(filterCallSites([a, b, c], 'CHAT').map((s) => s.id), ['a']);
    assert.deepEqual(filterCallSites([a, b, c], 'src/').map((s) => s.id), ['a', 'b']);
    assert.equal(filterCallSites([a, b, c], '  ').length, 3);
  });

  it('draws self-host memory as <meter> bars (no inline styles) and escapes the sizing text', function () {
    const html = renderSizing(HOSTILE.script, {
      model: HOSTILE.textarea,
      precision: 'bf16',
      gpu: 'a100-80gb',
      gpusPerReplica: 2,
      replicas: 1,
      fits: true,
      memory: [
        { name: 'weights', gib: 131.4, derivation: HOSTILE.bidi },
        { name: 'kv-cache', gib: 7.7, derivation: HOSTILE.javascriptUrl },
        { name: 'usable', gib: 142.4, derivation: 'not a term' },
      ],
      usableGibPerReplica: 142.4,
      monthlyGpuUsdOnDemand: 2029.4,
      engine: 'vLLM',
      notes: [],
    });
    assertInert(html);
    assert.equal((html.match(/<meter /g) ?? []).length, 2, 'one bar per memory term, not for "usable"');
    assert.ok(html.includes('max="142.4" value="131.4"'));
    assert.ok(html.includes('139.1 GiB used of 142.4 GiB usable'));
    assert.ok(!/\sstyle=/.test(html));
  });
});
