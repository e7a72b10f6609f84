import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { applyWhatIf } from '../../../../src/core/pricing/whatIf';
import { scanWorkspace } from '../../../../src/scan/scan';
import type { ScanResult } from '../../../../src/model/types';

// A fixture project without a usage file or annotations: its call sites run on the built-in default volume.
const FIXTURE = path.resolve(__dirname, '../../../fixtures/openai');

describe('what-if pricing: the summary follows the what-if', function () {
  let scan: ScanResult;
  before(async function () {
    this.timeout(120000);
    scan = await scanWorkspace(FIXTURE, {});
  });

  it('a what-if volume on every default-volume call site removes the default-volume assumption', function () {
    const defaults = scan.callSites.filter((site) => site.volume.source === 'default');
    assert.ok(defaults.length > 1, 'the fixture has call sites on the default volume');
    assert.match(scan.summary.volumeAssumption ?? '', new RegExp(`^${defaults.length} of ${scan.callSites.length} call sites use the built-in default`));

    const out = applyWhatIf(scan, { callsPerMonth: Object.fromEntries(defaults.map((site) => [site.id, 123])) });
    assert.doesNotMatch(out.summary.volumeAssumption ?? '', /built-in default/, out.summary.volumeAssumption);
    assert.match(out.summary.volumeAssumption ?? '', new RegExp(`${defaults.length} of ${scan.callSites.length} call sites use what-if volumes \\(not saved\\)`));
    assert.equal(out.callSites.filter((site) => site.volume.callsPerMonth === 123).length, defaults.length);
  });

  it('a what-if on one call site leaves the others on the default, and says so', function () {
    const [first, ...rest] = scan.callSites.filter((site) => site.volume.source === 'default');
    const out = applyWhatIf(scan, { callsPerMonth: { [first.id]: 5 } });
    assert.match(out.summary.volumeAssumption ?? '', new RegExp(`^${rest.length} of ${scan.callSites.length} call sites use the built-in default of 10,000 calls/month .*; 1 of ${scan.callSites.length} call sites use what-if volumes \\(not saved\\)$`));
    assert.equal(applyWhatIf(scan, {}).summary.volumeAssumption, scan.summary.volumeAssumption, 'no what-if: the scan\'s own words');
    assert.equal(applyWhatIf(scan, { callsPerMonth: { [first.id]: -5 } }).summary.volumeAssumption, scan.summary.volumeAssumption, 'an invalid volume is ignored, and not counted as a what-if');
  });

  it('totals are the sum of the re-priced call sites', function () {
    const [first] = scan.callSites;
    const out = applyWhatIf(scan, { callsPerMonth: { [first.id]: first.volume.callsPerMonth * 3 } });
    const current = out.callSites.reduce((total, site) => total + (site.monthlyUsdCurrent ?? 0), 0);
    assert.equal(out.summary.monthlyUsdCurrent, Math.round(current * 100) / 100);
    assert.equal(out.summary.savingsUsd, Math.round((current - out.workspace!.monthlyUsdRecommended) * 100) / 100);
  });
});
