/**
 * The V8 flags the CLI's launcher sets for a command (launch.ts). V8 takes a flag it does not know without failing
 * (it prints "unrecognized flag" and goes on), so each flag is checked against the options this Node's V8 lists: a
 * Node upgrade that renames one fails here instead of leaving scans silently slower or larger.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { v8FlagsFor } from '../../../src/cli/launch';

const CASES: Array<{ command: Parameters<typeof v8FlagsFor>[0]; flags: string[] }> = [
  { command: 'scan', flags: ['--heap-growing-percent', '--interrupt-budget'] },
  { command: 'diff', flags: ['--heap-growing-percent', '--interrupt-budget'] },
  { command: 'size', flags: [] },
  { command: 'help', flags: [] },
  { command: 'version', flags: [] },
  { command: undefined, flags: [] },
];

describe('the V8 flags a CLI command runs with', () => {
  for (const { command, flags } of CASES) {
    it(`${command ?? 'a command line that does not parse'}: ${flags.length > 0 ? flags.join(', ') : 'none'}`, () => {
      assert.deepEqual(
        v8FlagsFor(command).map((flag) => flag.split('=')[0]),
        flags,
      );
    });
  }

  it('sets each to a whole number this V8 knows as an option', () => {
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    for (const flag of v8FlagsFor('scan')) {
      const [name, value] = flag.split('=');
      assert.match(known, new RegExp(`^\\s+${name}\\s`, 'm'), `${name} is not among node --v8-options`);
      assert.match(value, /^\d+$/, flag);
    }
  });

  it('raises the budget before V8 considers optimizing a function above its default, which the scan timings were measured against', () => {
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const defaultBudget = Number(/--interrupt-budget=(\d+)/.exec(known.slice(known.search(/^\s+--interrupt-budget\s/m)))?.[1]);
    const budget = Number(v8FlagsFor('scan').find((flag) => flag.startsWith('--interrupt-budget='))!.split('=')[1]);
    assert.ok(defaultBudget > 0, 'the default budget is listed');
    assert.ok(budget > defaultBudget, `${budget} > ${defaultBudget}`);
  });
});
