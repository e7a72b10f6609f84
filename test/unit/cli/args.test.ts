/**
 * The CLI's argument parser (node:util parseArgs, tokens read in order): each mistake gives its one
 * error line, options given in any accepted spelling give the same parsed command line.
 */
import * as assert from 'node:assert/strict';
import { CommandLineError, parseArguments } from '../../../src/cli/args';

const ERRORS: Array<[string[], string]> = [
  [['scan', 'dir', 'extra'], 'unexpected argument "extra"'],
  [['--bogus', '-h'], 'unknown option --bogus'],
  [['scan', '--bogus=1'], 'unknown option --bogus=1'],
  [['scan', '--format'], '--format needs a value'],
  [['scan', '--format', 'xml'], '--format must be table, json or markdown, not "xml"'],
  [['scan', '--out', '--plan', 'x'], '--out needs a value'],
  [['diff'], 'diff needs --base <git ref>'],
  [['diff', '--base'], '--base needs a value'],
  [['scan', '--calls-per-month', '-5'], '--calls-per-month must be a non-negative number, not "-5"'],
  [['scan', '--calls-per-month', 'abc'], '--calls-per-month must be a non-negative number, not "abc"'],
  [['scan', '--data-sensitivity', 'secret'], '--data-sensitivity must be standard or regulated, not "secret"'],
  [['scan', '--fixed-cost', 'infra'], '--fixed-cost takes id=usd, e.g. ml-engineering-self-managed=20000'],
  [['scan', '--assumed-models', ','], '--assumed-models takes model ids separated by commas, e.g. gpt-4.1-mini,claude-haiku-4-5'],
  [['scan', '--assumed-models', 'gpt-4o,@@bad'], '--assumed-models takes model ids separated by commas, e.g. gpt-4.1-mini,claude-haiku-4-5 (not a model id: "@@bad")'],
  [['size'], 'size needs --model <id> (a Hugging Face repo id or a short alias like llama-3.1-8b)'],
  [['size', 'dir', '--model', 'x'], 'unexpected argument "dir"'],
  [['size', '--model', 'm', '--gpus', '0'], '--gpus must be a positive whole number, not "0"'],
  [['size', '--model', 'm', '--gpus', '1.5'], '--gpus must be a positive whole number, not "1.5"'],
  [['size', '--model', 'm', '--gpu-memory-utilization', '1.5'], '--gpu-memory-utilization must be a fraction in (0, 1]'],
  [['frobnicate'], 'unknown command "frobnicate" (try scan, diff or size)'],
  [['scan', '-x'], 'unknown option -x'],
  [['scan', '-'], 'unknown option -'],
  [['scan', '--', 'dir'], 'unknown option --'],
  [['scan', '--no-cache=1'], 'unknown option --no-cache=1'],
];

describe('CLI arguments (node:util parseArgs)', () => {
  for (const [argv, message] of ERRORS) {
    it(`${argv.join(' ') || '(none)'} → ${message}`, () => {
      assert.throws(() => parseArguments(argv), (e: unknown) => e instanceof CommandLineError && e.message === message);
    });
  }

  it('help and version win where they stand; no arguments is help', () => {
    assert.equal(parseArguments([]).command, 'help');
    assert.equal(parseArguments(['--help', '--bogus']).command, 'help');
    assert.equal(parseArguments(['scan', '-h']).command, 'help');
    assert.equal(parseArguments(['scan', '--version']).command, 'version');
    assert.equal(parseArguments(['-v']).command, 'version');
  });

  it('reads every scan option, repeatable ones in order', () => {
    const args = parseArguments([
      'scan', 'dir', '--format', 'json', '--out', 'o.json', '--plan', 'p.md', '--usage', 'u.yml', '--usage-export', 'e.csv', '--price-file', 'p.json',
      '--exclude', 'a/**', '--exclude', 'b', '--include', 'node_modules/x', '--non-production', 'tools/**', '--no-cache', '--calls-per-month', '2.5',
      '--data-sensitivity', 'regulated', '--fixed-cost', 'infra-managed=100', '--fixed-cost', 'ml-engineering-managed=2.5', '--assumed-models', 'gpt-4.1-mini, claude-haiku-4-5',
    ]);
    assert.deepEqual(args, {
      command: 'scan', directory: 'dir', format: 'json', out: 'o.json', plan: 'p.md', usageFile: 'u.yml', usageExport: 'e.csv', priceFile: 'p.json',
      exclude: ['a/**', 'b'], include: ['node_modules/x'], nonProduction: ['tools/**'], noCache: true, callsPerMonth: 2.5, dataSensitivity: 'regulated',
      fixedCosts: { 'infra-managed': 100, 'ml-engineering-managed': 2.5 }, assumedModels: ['gpt-4.1-mini', 'claude-haiku-4-5'],
    });
  });

  it('reads diff and size options; a value may start with one dash; --name=value is the same as --name value', () => {
    assert.deepEqual(parseArguments(['diff', '--base', 'HEAD~1', '--fail-above', '10.5']), { command: 'diff', directory: '.', format: 'table', exclude: [], include: [], nonProduction: [], fixedCosts: {}, base: 'HEAD~1', failAbove: 10.5 });
    const size = parseArguments(['size', '--model', 'm', '--precision', 'fp8', '--gpu', 'h100-80gb', '--gpus', '2', '--context', '8192', '--concurrency', '4', '--gpu-memory-utilization', '0.85']);
    assert.deepEqual([size.command, size.model, size.precision, size.gpu, size.gpus, size.context, size.concurrency, size.gpuMemoryUtilization], ['size', 'm', 'fp8', 'h100-80gb', 2, 8192, 4, 0.85]);
    assert.equal(parseArguments(['scan', '--out', '-x']).out, '-x');
    assert.deepEqual(parseArguments(['scan', '--out=o.json', '--exclude=a/**']), parseArguments(['scan', '--out', 'o.json', '--exclude', 'a/**']));
  });
});
