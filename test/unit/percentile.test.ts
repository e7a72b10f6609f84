import assert from 'node:assert/strict';
import { nearestRank } from '../../scripts/lib/percentile';

describe('bench percentiles (nearest rank)', () => {
  const twenty = Array.from({ length: 20 }, (_, index) => index + 1);

  it('reads the p95 of 20 samples as the 19th, not the slowest', () => {
    assert.equal(nearestRank(twenty, 0.95), 19);
  });

  it('reads the median of an even count as the lower middle, and of one sample as that sample', () => {
    assert.equal(nearestRank(twenty, 0.5), 10);
    assert.equal(nearestRank([7], 0.95), 7);
    assert.equal(nearestRank([7], 0.5), 7);
  });

  it('reads the p95 of 60 samples as the 57th', () => {
    assert.equal(nearestRank(Array.from({ length: 60 }, (_, index) => index + 1), 0.95), 57);
  });
});
