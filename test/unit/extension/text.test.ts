import * as assert from 'node:assert/strict';
import { codeLensTitle, escapeMarkdown, hoverMarkdown, lensText } from '../../../src/extension/text';
import { formatCount, formatUsd } from '../../../src/model/format';
import { callSite, HOSTILE } from '../webview/fixtures';

describe('editor text: CodeLens and hover', function () {
  it('CodeLens title: ≈ $X/mo · model · task → recommendation ≈ $Y/mo', function () {
    assert.equal(codeLensTitle(callSite()), '≈ $1,240/mo · gpt-4o · classification → Llama 3.3 70B on Groq ≈ $95.00/mo');
    assert.equal(codeLensTitle(callSite({ recommendation: null, monthlyUsdCurrent: null })), '≈ $?/mo · gpt-4o · classification');
  });

  it('CodeLens title defuses $(icon) syntax and bidi characters from user code', function () {
    const t = codeLensTitle(callSite({ model: { id: null, raw: `$(bug)${HOSTILE.bidi}`, source: 'dynamic' } }));
    assert.ok(!t.includes('$(bug)'));
    assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(t));
    assert.equal(lensText('a\nb'), 'a b');
  });

  it('hover lists cost, task, tokens, volume and options, with the panel link', function () {
    const md = hoverMarkdown(callSite(), 'command:llmHostingAdvisor.openCostPanel?%5B%22x%22%5D');
    assert.ok(md.includes('Cost today'));
    assert.ok(md.includes('Tokens per call'));
    assert.ok(md.includes(escapeMarkdown(formatCount(60000))));
    assert.ok(md.includes('Llama 3\\.3 70B on Groq ★'));
    assert.ok(md.includes(escapeMarkdown(formatUsd(1145))));
    assert.ok(md.endsWith('[Open in cost panel](command:llmHostingAdvisor.openCostPanel?%5B%22x%22%5D)'));
  });

  it('hover escapes Markdown and HTML from user code', function () {
    const md = hoverMarkdown(
      callSite({
        model: { id: null, raw: '`x` [a](command:evil)', source: 'dynamic' },
        options: [{ tier: 'closed-api', label: '[click](javascript:alert(1)) | <img src=x>', monthlyUsd: 1, viable: true, why: HOSTILE.script }],
        recommendation: { tier: 'closed-api', label: '**bold**', monthlyUsd: 1, savingsUsd: 0, why: HOSTILE.script },
      }),
    );
    assert.ok(!md.includes('](command:evil)'));
    assert.ok(!md.includes('](javascript:'));
    assert.ok(!/(^|[^\\])<img/.test(md), 'every < is backslash-escaped');
    assert.ok(!/(^|[^\\])<script/.test(md));
    assert.ok(md.includes('\\<img'));
    assert.ok(!md.includes('**bold**'));
    assert.equal(escapeMarkdown('a|b'), 'a\\|b');
  });
});
