import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderMarkdownPlan } from '../../../src/core/report/plan';
import { scanWorkspace } from '../../../src/scan/scan';

const EXAMPLE = path.resolve(__dirname, '../../../examples/support-desk');
const SNAPSHOT = path.join(__dirname, '__snapshots__', 'support-desk-plan.md');

/**
 * The migration plan of the example workspace, compared with the reviewed snapshot. A change in
 * analyzers, prices or advice shows up here as a diff to read; `UPDATE_SNAPSHOTS=1 npm run test:unit`
 * accepts it. A missing snapshot is written locally but fails under CI.
 */
describe('migration plan snapshot (examples/support-desk)', () => {
  it('matches the reviewed snapshot', async () => {
    const plan = renderMarkdownPlan(await scanWorkspace(EXAMPLE, { now: () => new Date('2026-11-27T00:00:00Z') }));
    if (process.env.UPDATE_SNAPSHOTS === '1' || (!existsSync(SNAPSHOT) && !process.env.CI)) {
      mkdirSync(path.dirname(SNAPSHOT), { recursive: true });
      writeFileSync(SNAPSHOT, plan);
      return;
    }
    assert.ok(existsSync(SNAPSHOT), `missing snapshot ${SNAPSHOT}: run UPDATE_SNAPSHOTS=1 npm run test:unit and review it`);
    assert.equal(plan, readFileSync(SNAPSHOT, 'utf8'));
  });
});
