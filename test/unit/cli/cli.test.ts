import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli as run } from './run';
import type { ScanResult } from '../../../src/model/types';

const EXAMPLE = path.resolve(__dirname, '../../../examples/support-desk');

describe('CLI', () => {
  it('prints the per-call table for a folder', async () => {
    const { code, stdout } = await run(['scan', EXAMPLE]);
    assert.equal(code, 0);
    assert.match(stdout, /^Location\s+Provider \/ model/m);
    assert.match(stdout, /src\/tickets\/triage\.ts:8\s+openai \/ gpt-4o/);
    assert.match(stdout, /Prices as of \d{4}-\d{2}-\d{2}/);
  });

  it('--format json prints schema version 1 with the example call sites at their lines', async () => {
    const { code, stdout } = await run(['scan', EXAMPLE, '--format', 'json']);
    assert.equal(code, 0);
    const result = JSON.parse(stdout) as ScanResult;
    assert.equal(result.schemaVersion, 1);
    assert.equal(result.root, EXAMPLE);
    assert.match(result.catalog.asOf, /^\d{4}-\d{2}-\d{2}$/);
    const locations = result.callSites.map((site) => `${site.file}:${site.line}:${site.column}`);
    assert.deepEqual(locations, [
      'src/kb/answer.ts:11:26',
      'src/kb/answer.ts:27:26',
      'src/kb/policy.ts:7:26',
      'src/tickets/extract.ts:8:26',
      'src/tickets/extract.ts:21:26',
      'src/tickets/triage.ts:8:26',
      'src/tickets/triage.ts:25:26',
    ]);
    // The HTTP handlers hand the ticket helpers only the ticket's fields: each call relays to the helper's request.
    const relays = result.callSites.flatMap((site) => (site.relays ?? []).map((relay) => `${relay.file}:${relay.line} -> ${site.file}:${site.line}`));
    assert.deepEqual(relays.sort(), ['src/routes/tickets.ts:13 -> src/tickets/triage.ts:8', 'src/routes/tickets.ts:14 -> src/tickets/extract.ts:8', 'src/routes/tickets.ts:15 -> src/tickets/triage.ts:25', 'src/routes/tickets.ts:21 -> src/tickets/extract.ts:21']);
    for (const site of result.callSites) {
      for (const key of ['id', 'file', 'line', 'column', 'endLine', 'endColumn', 'provider', 'sdk', 'method', 'model', 'task', 'tokens', 'features', 'volume', 'options', 'recommendation']) {
        assert.ok(key in site, `call site is missing ${key}`);
      }
      assert.ok(site.endLine > site.line || site.endColumn > site.column + 20, 'the span covers the whole call');
    }
    assert.equal(result.summary.callSites, 7);
    // The four ticket helpers' requests are counted at the helper, for the handler's call relaying to it.
    assert.equal(result.callSites.filter((site) => site.inTotals === false).length, 0);
    const triage = result.callSites.find((site) => site.file === 'src/tickets/triage.ts' && site.line === 8)!;
    assert.equal(triage.endLine, 19, 'the span ends at the closing parenthesis of the call');
    const ids = new Set(result.callSites.map((site) => site.id));
    assert.equal(ids.size, 7, 'ids are unique');
  });

  it('--format markdown --out writes the plan to a file', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'cli-out-'));
    try {
      const file = path.join(directory, 'nested', 'plan.md');
      const { code, stdout } = await run(['scan', EXAMPLE, '--format', 'markdown', '--out', file]);
      assert.equal(code, 0);
      assert.equal(stdout, '');
      assert.match(readFileSync(file, 'utf8'), /^# LLM hosting migration plan/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('exits 2 with a one-line error on bad arguments', async () => {
    for (const argv of [['scan', EXAMPLE, '--format', 'xml'], ['frobnicate'], ['scan', '--out'], ['scan', EXAMPLE, '--bogus']]) {
      const { code, stderr } = await run(argv);
      assert.equal(code, 2, argv.join(' '));
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
    }
  });

  it('exits 2 with a one-line error on an unreadable directory', async () => {
    const { code, stderr } = await run(['scan', path.join(os.tmpdir(), 'does-not-exist-llm-advisor')]);
    assert.equal(code, 2);
    assert.match(stderr, /^llm-hosting-advisor: not a readable directory: /);
    assert.equal(stderr.trim().split('\n').length, 1);
  });
});

describe('CLI --price-file', () => {
  it('layers a local price file over the bundled catalog, naming it as the price source', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'price-file-'));
    try {
      const file = path.join(directory, 'prices.json');
      require('node:fs').writeFileSync(file, JSON.stringify({ 'gpt-4o': { input_cost_per_token: 1e-6, output_cost_per_token: 4e-6 }, sample_spec: {} }));
      const bundled = JSON.parse((await run(['scan', EXAMPLE, '--format', 'json'])).stdout) as ScanResult;
      const { code, stdout } = await run(['scan', EXAMPLE, '--format', 'json', '--price-file', file]);
      assert.equal(code, 0);
      const refreshed = JSON.parse(stdout) as ScanResult;
      const triage = (result: ScanResult) => result.callSites.find((site) => site.file === 'src/tickets/triage.ts' && site.line === 8)!;
      const current = triage(refreshed).options.find((option) => option.current)!;
      assert.ok(current.price!.source.includes(file), current.price!.source);
      assert.ok(triage(refreshed).monthlyUsdCurrent! < triage(bundled).monthlyUsdCurrent!, 'gpt-4o at $1/$4 costs less than at $2.50/$10');
      const broken = path.join(directory, 'broken.json');
      require('node:fs').writeFileSync(broken, '{ not json');
      const failed = await run(['scan', EXAMPLE, '--price-file', broken]);
      assert.equal(failed.code, 2);
      assert.match(failed.stderr, /price file .* is not JSON/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('CLI --fixed-cost', () => {
  it('replaces a fixed cost of self-hosting, which moves the break-even, and rejects unknown ids', async () => {
    const breakEven = async (extra: string[]) => (JSON.parse((await run(['scan', EXAMPLE, '--format', 'json', ...extra])).stdout) as ScanResult).workspace!.breakEven.monthlyApiSpendUsd!;
    const defaults = await breakEven([]);
    const cheaperTeam = await breakEven(['--fixed-cost', 'ml-engineering-self-managed=5000']);
    assert.ok(cheaperTeam < defaults, `${cheaperTeam} < ${defaults}`);
    const unknown = await run(['scan', EXAMPLE, '--fixed-cost', 'ml-engineers=5000']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown cost "ml-engineers"/);
  });
});
