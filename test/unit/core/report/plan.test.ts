import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { renderMarkdownPlan } from '../../../../src/core/report/plan';
import { scanWorkspace } from '../../../../src/scan/scan';
import type { ScanResult } from '../../../../src/model/types';

const EXAMPLE = path.resolve(__dirname, '../../../../examples/support-desk');

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/** The tables of a Markdown document as rows of cell texts, read with a real CommonMark/GFM parser. */
function tables(markdown: string): string[][][] {
  const tokens = new MarkdownIt().parse(markdown, {});
  const result: string[][][] = [];
  let table: string[][] | undefined;
  let row: string[] | undefined;
  tokens.forEach((token: Token, index: number) => {
    if (token.type === 'table_open') table = [];
    if (token.type === 'tr_open') row = [];
    if ((token.type === 'th_open' || token.type === 'td_open') && row) row.push(tokens[index + 1].content);
    if (token.type === 'tr_close' && table && row) table.push(row);
    if (token.type === 'table_close' && table) { result.push(table); table = undefined; }
  });
  return result;
}

describe('migration plan', () => {
  let example: ScanResult;
  before(async () => {
    example = await scanWorkspace(EXAMPLE, { now: () => new Date('2026-11-27T00:00:00Z') });
  });

  it('has the sections a lead forwards: summary, call sites, phases, calls kept and why', () => {
    const plan = renderMarkdownPlan(example);
    for (const heading of ['# LLM hosting migration plan', '## Executive summary', '## Call sites', '## Phases', '## Calls left on closed APIs, and why', '## How these numbers were made']) {
      assert.ok(plan.includes(`\n${heading}\n`) || plan.startsWith(`${heading}\n`), `missing ${heading}`);
    }
    assert.match(plan, /Prices as of \d{4}-\d{2}-\d{2}/);
    assert.ok(!plan.includes(EXAMPLE), 'the absolute workspace path stays out of a document people forward');
  });

  it('starts with one page: changes with savings and effort, vendors, the risks that matter said once', () => {
    const plan = renderMarkdownPlan(example);
    const summary = plan.slice(plan.indexOf('## Executive summary'), plan.indexOf('## Call sites'));
    assert.ok(summary.split(/\s+/).length < 450, `one page: ${summary.split(/\s+/).length} words`);
    const changeTable = tables(summary).find((table) => table[0][1] === 'Change');
    assert.ok(changeTable, 'a change table');
    assert.deepEqual(changeTable[0], ['#', 'Change', 'Saves $/month', 'Effort']);
    assert.ok(changeTable.length - 1 === example.callSites.filter((c) => c.recommendation?.action === 'change' || c.recommendation?.action === 'migrate').length);
    assert.match(summary, /\*\*Vendors:\*\* .* capture/);
    assert.match(summary, /\*\*Risks that matter:\*\*/);
    // Risks are said once: no risk name repeats in the details.
    for (const name of ['Quality regression', 'Vendor stability', 'Cost runaway']) assert.ok(plan.split(name).length - 1 <= 1, `${name} said once`);
  });

  it('gives each change a concrete evaluation step, target performance and the new vendor\'s terms', () => {
    const plan = renderMarkdownPlan(example);
    const sections = plan.split('\n#### ').slice(1);
    assert.ok(sections.length > 0);
    for (const section of sections) {
      assert.match(section, /Evaluate first:\*\* draw a golden set of \d+ logged [a-z-]+ requests .* score .*; pass: /);
      assert.match(section, /Target performance:\*\*/);
      if (/new vendor/.test(section.split('\n')[2] ?? '')) assert.match(section, /New vendor .*rate limits: .* Data retention: .* Residency: /);
    }
  });

  it('lists every call site exactly once in well-formed tables', () => {
    const plan = renderMarkdownPlan(example);
    const callTables = tables(plan).filter((table) => table[0][0] === 'Call site');
    assert.ok(callTables.length >= 1);
    const rows = callTables.flatMap((table) => table.slice(1));
    const counted = example.callSites.filter((site) => site.inTotals !== false);
    assert.equal(rows.length, counted.length);
    for (const table of callTables) for (const cells of table) assert.equal(cells.length, 8, JSON.stringify(cells));
    const linked = new Set(rows.map((cells) => cells[0]));
    for (const site of counted) assert.ok(linked.has(`[${site.file}:${site.line}](${site.file}#L${site.line})`), `${site.file}:${site.line} not linked`);
    // Sites the totals leave out (a helper priced through its callers, or the reverse) are listed once, apart, with the reason.
    const apart = plan.slice(plan.indexOf('## Listed, not in the totals'));
    for (const site of example.callSites.filter((candidate) => candidate.inTotals === false)) {
      assert.ok(apart.includes(`- [${site.file}:${site.line}](${site.file}#L${site.line})`), `${site.file}:${site.line} not listed apart`);
      assert.ok(!linked.has(`[${site.file}:${site.line}](${site.file}#L${site.line})`), `${site.file}:${site.line} is in a table too`);
    }
  });

  describe('with hostile strings from user code', () => {
    let root: string;
    let plan: string;
    before(async () => {
      root = mkdtempSync(path.join(os.tmpdir(), 'hostile-plan-'));
      const folder = path.join(root, 'src', 'we|ird `dir`');
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, '<img src=x onerror=alert(1)>.ts'), `import OpenAI from 'openai';
const openai = new OpenAI();
export function run(input: string) {
  return openai.chat.completions.create({
    model: 'gpt-4o](javascript:alert(1)) | <script>alert(2)</script> \`code\`',
    messages: [{ role: 'system', content: '| a | b |\\n<script>alert(3)</script> [click](javascript:alert(4)) \\u202Eevil' }, { role: 'user', content: input }],
  });
}
`);
      plan = renderMarkdownPlan(await scanWorkspace(root));
    });
    after(() => rmSync(root, { recursive: true, force: true }));

    it('renders no HTML and no javascript: link from the data', () => {
      const html = new MarkdownIt({ html: true, linkify: false }).render(plan);
      assert.ok(!/<script/i.test(html), 'no script element');
      assert.ok(!/<img/i.test(html), 'no img element');
      assert.ok(!/href="javascript:/i.test(html), 'no javascript: link');
      assert.ok(!plan.includes('\u202E'), 'bidi override removed');
    });

    it('keeps the call-site table well-formed (pipes escaped)', () => {
      const callTables = tables(plan).filter((table) => table[0][0] === 'Call site');
      assert.equal(callTables.flatMap((table) => table.slice(1)).length, 1);
      for (const table of callTables) for (const cells of table) assert.equal(cells.length, table[0].length, JSON.stringify(cells));
      // The hostile model id is not in the catalog: its row is in the "Not priced" table, never at $0.
      assert.ok(callTables.some((table) => table[0].length === 5 && table.slice(1).some((cells) => cells[3] === 'model not in catalog')), plan);
    });
  });
});
