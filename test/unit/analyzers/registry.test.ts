import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { analyzers } from '../../../src/analyzers';

const ANALYZERS_DIR = path.resolve(__dirname, '../../../src/analyzers');
/** Files in src/analyzers that are infrastructure, not an SDK family. */
const NOT_ANALYZERS = new Set(['analyzer.ts', 'index.ts']);

describe('analyzer registry', () => {
  const files = readdirSync(ANALYZERS_DIR).filter((name) => name.endsWith('.ts') && !NOT_ANALYZERS.has(name));

  it('registers exactly one analyzer per src/analyzers/<sdk>.ts, with id = file name', () => {
    assert.deepEqual([...analyzers.map((analyzer) => analyzer.id)].sort(), files.map((name) => name.replace(/\.ts$/, '')).sort());
  });

  it('has unique ids', () => {
    const ids = analyzers.map((analyzer) => analyzer.id);
    assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.join(', ')}`);
  });

  it('every analyzer names the packages that make it relevant', () => {
    for (const analyzer of analyzers) assert.ok(analyzer.packages.length > 0, `${analyzer.id} has no packages`);
  });

  it('every analyzer has a table-driven test and a fixture project', () => {
    const tests = new Set(readdirSync(path.resolve(__dirname)));
    const fixtures = new Set(readdirSync(path.resolve(__dirname, '../../fixtures')));
    for (const analyzer of analyzers) {
      assert.ok(tests.has(`${analyzer.id}.test.ts`), `missing test/unit/analyzers/${analyzer.id}.test.ts`);
      assert.ok(fixtures.has(analyzer.id), `missing test/fixtures/${analyzer.id}/`);
    }
  });
});
