import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzers } from '../../../src/analyzers';
import { scanWorkspace } from '../../../src/scan/scan';

/** One expected call site of a fixture project (`test/fixtures/<sdk>/expected.json`). */
interface ExpectedSite {
  file: string;
  line: number;
  sdk: string;
  method: string;
  provider: string;
  model: string | null;
}

/** A call relaying to an expected site (`to`, `file:line`): listed on that site, no site of its own. */
interface ExpectedRelay {
  file: string;
  line: number;
  to: string;
}

const FIXTURES = path.resolve(__dirname, '../../fixtures');

/**
 * Each analyzer's fixture is a small project written the way a team would, with near-misses next to
 * the real calls. The real scan (discovery, prefilter, every analyzer, pricing) must report exactly
 * the sites in expected.json: a missed call and an extra call both fail.
 */
describe('analyzer fixture projects (scanWorkspace)', () => {
  for (const analyzer of analyzers) {
    it(`${analyzer.id}: reports exactly the expected call sites, and the calls relaying to them`, async () => {
      const root = path.join(FIXTURES, analyzer.id);
      const { calls: expected, relays: expectedRelays = [] } = JSON.parse(readFileSync(path.join(root, 'expected.json'), 'utf8')) as { calls: ExpectedSite[]; relays?: ExpectedRelay[] };
      assert.ok(expected.length > 0, 'a fixture must contain at least one call');
      const result = await scanWorkspace(root, { now: () => new Date('2026-01-01T00:00:00Z') });
      const actual: ExpectedSite[] = result.callSites.map((site) => ({ file: site.file, line: site.line, sdk: site.sdk, method: site.method, provider: site.provider, model: site.model.id }));
      const key = (site: { file: string; line: number }) => `${site.file}:${site.line}`;
      assert.deepEqual([...actual].sort((a, b) => key(a).localeCompare(key(b))), [...expected].sort((a, b) => key(a).localeCompare(key(b))));
      const relays: ExpectedRelay[] = result.callSites.flatMap((site) => (site.relays ?? []).map((relay) => ({ file: relay.file, line: relay.line, to: `${site.file}:${site.line}` })));
      assert.deepEqual([...relays].sort((a, b) => key(a).localeCompare(key(b))), [...expectedRelays].sort((a, b) => key(a).localeCompare(key(b))), 'the calls relaying to each site');
      assert.deepEqual(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'), [], 'no errors while scanning');
      assert.ok(expected.every((site) => site.sdk === analyzer.id), `every site in test/fixtures/${analyzer.id} is a ${analyzer.id} call`);
    });
  }
});
