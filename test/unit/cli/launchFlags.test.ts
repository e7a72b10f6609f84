/**
 * The V8 flags the CLI's launcher sets for a command (launch.ts). V8 takes a flag it does not know without failing
 * but prints "Error: unrecognized flag" on stderr (Node 22 and 24 no longer know `--interrupt-budget`), so the flags
 * for the V8 running the tests are checked against the options it lists, and those for other V8 versions by table:
 * a Node upgrade that renames one fails here instead of printing that line on every scan.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { v8FlagsFor } from '../../../src/cli/launch';

const names = (flags: string[]) => flags.map((flag) => flag.split('=')[0]);

const NODE_20_V8 = '11.3.244.8-node.38';
const NODE_22_V8 = '12.4.254.21-node.57';
const NODE_24_V8 = '13.6.233.17-node.53';

const CASES: Array<{ command: Parameters<typeof v8FlagsFor>[0]; v8: string; flags: string[] }> = [
  { command: 'scan', v8: NODE_20_V8, flags: ['--heap-growing-percent', '--interrupt-budget'] },
  { command: 'diff', v8: NODE_20_V8, flags: ['--heap-growing-percent', '--interrupt-budget'] },
  { command: 'scan', v8: NODE_22_V8, flags: ['--heap-growing-percent', '--invocation-count-for-turbofan', '--invocation-count-for-maglev'] },
  { command: 'diff', v8: NODE_24_V8, flags: ['--heap-growing-percent', '--semi-space-growth-factor', '--invocation-count-for-turbofan', '--invocation-count-for-maglev'] },
  { command: 'scan', v8: 'not a version', flags: ['--heap-growing-percent'] },
  { command: 'size', v8: NODE_20_V8, flags: [] },
  { command: 'help', v8: NODE_22_V8, flags: [] },
  { command: 'version', v8: NODE_24_V8, flags: [] },
  { command: undefined, v8: NODE_20_V8, flags: [] },
];

let listedOptions: string | undefined;

/** `node --v8-options` of the Node running the tests, asked once. */
function v8Options(): string {
  listedOptions ??= execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return listedOptions;
}

/** The default V8 lists for a numeric option. */
function defaultOf(options: string, name: string): number {
  const listed = new RegExp(`^\\s+${name}\\s[^\\n]*\\n\\s+type: int\\s+default: ${name}=(\\d+)`, 'm').exec(options);
  assert.ok(listed, `${name} is listed with a numeric default`);
  return Number(listed[1]);
}

describe('the V8 flags a CLI command runs with', () => {
  for (const { command, v8, flags } of CASES) {
    it(`${command ?? 'a command line that does not parse'} on V8 ${v8}: ${flags.length > 0 ? flags.join(', ') : 'none'}`, () => {
      assert.deepEqual(names(v8FlagsFor(command, v8)), flags);
    });
  }

  it('sets, for the V8 running here, only options it lists, each to a whole number', () => {
    const options = v8Options();
    const flags = v8FlagsFor('scan');
    assert.ok(flags.length >= 2, `a heap and a tier-up flag for V8 ${process.versions.v8}`);
    for (const flag of flags) {
      const [name, value] = flag.split('=');
      assert.match(options, new RegExp(`^\\s+${name}\\s`, 'm'), `${name} is not among node --v8-options (V8 ${process.versions.v8})`);
      assert.match(value, /^\d+$/, flag);
    }
  });

  it('waits longer than V8 does by default before optimizing, which is what the scan timings were measured against', () => {
    const options = v8Options();
    for (const flag of v8FlagsFor('scan').filter((each) => /^--(interrupt-budget|invocation-count-for-\w+)=/.test(each))) {
      const [name, value] = flag.split('=');
      const byDefault = defaultOf(options, name);
      assert.ok(Number(value) > byDefault, `${flag} > the default ${byDefault}`);
    }
  });
});
