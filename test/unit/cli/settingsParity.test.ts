/**
 * Every extension setting that changes what a scan reports has a CLI flag doing the same, listed in
 * the help and the README, so a team's CI run and an editor give the same numbers. A new setting
 * fails this test until it has its flag (or is named here as editor-only).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { HELP, parseArguments, type CliArguments } from '../../../src/cli/args';

const ROOT = path.join(__dirname, '..', '..', '..');

/** Settings that only change the editor's views, not a figure: no CLI equivalent needed. */
const EDITOR_ONLY = new Set(['llmHostingAdvisor.codeLens.enabled', 'llmHostingAdvisor.hover.enabled']);

/** Setting → the flag doing the same, a value for it and what the parser makes of it. */
const FLAGS: Record<string, { flag: string; argv: string[]; parsed: (a: CliArguments) => unknown; expected: unknown }> = {
  'llmHostingAdvisor.defaultCallsPerMonth': { flag: '--calls-per-month', argv: ['25000'], parsed: (a) => a.callsPerMonth, expected: 25000 },
  'llmHostingAdvisor.nonProductionGlobs': { flag: '--non-production', argv: ['tools/**'], parsed: (a) => a.nonProduction, expected: ['tools/**'] },
  'llmHostingAdvisor.dataSensitivity': { flag: '--data-sensitivity', argv: ['regulated'], parsed: (a) => a.dataSensitivity, expected: 'regulated' },
  // The extension downloads the price file on "Refresh Prices"; the CLI makes no network calls and reads a local copy.
  'llmHostingAdvisor.priceFileUrl': { flag: '--price-file', argv: ['prices.json'], parsed: (a) => a.priceFile, expected: 'prices.json' },
  'llmHostingAdvisor.fixedCosts': { flag: '--fixed-cost', argv: ['infra-managed=500'], parsed: (a) => a.fixedCosts, expected: { 'infra-managed': 500 } },
  'llmHostingAdvisor.assumedModels': { flag: '--assumed-models', argv: ['gpt-4.1-mini,claude-haiku-4-5'], parsed: (a) => a.assumedModels, expected: ['gpt-4.1-mini', 'claude-haiku-4-5'] },
};

describe('extension settings and CLI flags', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> } | Array<{ properties: Record<string, unknown> }> } };
  const sections = Array.isArray(manifest.contributes.configuration) ? manifest.contributes.configuration : [manifest.contributes.configuration];
  const settings = sections.flatMap((section) => Object.keys(section.properties));
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it('every setting that changes a figure has a CLI flag', () => {
    const missing = settings.filter((setting) => !EDITOR_ONLY.has(setting) && !FLAGS[setting]);
    assert.deepEqual(missing, [], `settings without a CLI flag: ${missing.join(', ')}`);
    assert.ok(settings.length >= Object.keys(FLAGS).length + EDITOR_ONLY.size, 'the table names only settings that exist');
  });

  for (const [setting, { flag, argv, parsed, expected }] of Object.entries(FLAGS)) {
    it(`${setting}: ${flag} parses, and the help and README document it`, () => {
      assert.ok(settings.includes(setting), `${setting} is a contributed setting`);
      assert.deepEqual(parsed(parseArguments(['scan', '.', flag, ...argv])), expected);
      assert.ok(HELP.includes(`  ${flag} `), `${flag} in the CLI help`);
      assert.ok(readme.includes(`\`${flag} `), `${flag} in the README`);
    });
  }
});
