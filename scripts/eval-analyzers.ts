/**
 * Detection recall and precision of the analyzers over their fixture projects: scans each
 * `test/fixtures/<sdk>/` with the real pipeline and compares the call sites with its expected.json.
 * A site matches when file, line, sdk, method, provider and model all agree; a site at the right
 * line with a wrong field counts as both a miss and a false call. A call expected to relay to a site
 * (expected.json's `relays`: it hands the request only values it is given) matches when that site lists
 * it; the product reports it there and not as a site, as the real-world eval credits it. Prints one row
 * per SDK and the total; exit code 1 when either measure is below 100% (our own fixtures must be exact).
 *
 * Usage: tsx scripts/eval-analyzers.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzers } from '../src/analyzers';
import { scanWorkspace } from '../src/scan/scan';

interface Site {
  file: string;
  line: number;
  sdk: string;
  method: string;
  provider: string;
  model: string | null;
}

export interface SdkScore {
  sdk: string;
  expected: number;
  found: number;
  matched: number;
  misses: Site[];
  extras: Site[];
}

const FIXTURES = path.join(__dirname, '..', 'test', 'fixtures');

const key = (site: Site): string => JSON.stringify([site.file, site.line, site.sdk, site.method, site.provider, site.model]);

/** Scores one fixture project. */
export async function scoreFixture(sdk: string): Promise<SdkScore> {
  const root = path.join(FIXTURES, sdk);
  const expectedFile = path.join(root, 'expected.json');
  const document = existsSync(expectedFile) ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as { calls: Site[]; relays?: Array<{ file: string; line: number; to: string }> }) : { calls: [] };
  const result = await scanWorkspace(root);
  // A relay is scored as a position of its own: the site it relays to stands for its sdk, method, provider and model.
  const asRelay = (relay: { file: string; line: number; to: string }): Site => ({ file: relay.file, line: relay.line, sdk, method: `relays to ${relay.to}`, provider: '', model: null });
  const expected: Site[] = [...document.calls, ...(document.relays ?? []).map(asRelay)];
  const found: Site[] = result.callSites.flatMap((site) => [
    { file: site.file, line: site.line, sdk: site.sdk, method: site.method, provider: site.provider, model: site.model.id },
    ...(site.relays ?? []).map((relay) => asRelay({ ...relay, to: `${site.file}:${site.line}` })),
  ]);
  const foundKeys = new Set(found.map(key));
  const expectedKeys = new Set(expected.map(key));
  return {
    sdk,
    expected: expected.length,
    found: found.length,
    matched: expected.filter((site) => foundKeys.has(key(site))).length,
    misses: expected.filter((site) => !foundKeys.has(key(site))),
    extras: found.filter((site) => !expectedKeys.has(key(site))),
  };
}

const pct = (numerator: number, denominator: number): string => (denominator === 0 ? '    -' : `${((numerator / denominator) * 100).toFixed(1).padStart(5)}%`);

/** The table printed by the script. */
export function formatScores(scores: SdkScore[]): string {
  const lines = ['sdk          expected  found  matched  recall  precision'];
  for (const score of scores) lines.push(`${score.sdk.padEnd(13)}${String(score.expected).padStart(8)}${String(score.found).padStart(7)}${String(score.matched).padStart(9)}  ${pct(score.matched, score.expected)}   ${pct(score.matched, score.found)}`);
  const total = scores.reduce((sum, score) => ({ expected: sum.expected + score.expected, found: sum.found + score.found, matched: sum.matched + score.matched }), { expected: 0, found: 0, matched: 0 });
  lines.push(`${'overall'.padEnd(13)}${String(total.expected).padStart(8)}${String(total.found).padStart(7)}${String(total.matched).padStart(9)}  ${pct(total.matched, total.expected)}   ${pct(total.matched, total.found)}`);
  for (const score of scores) {
    for (const miss of score.misses) lines.push(`  missed  ${miss.file}:${miss.line} ${miss.sdk} ${miss.method} ${miss.provider} ${miss.model}`);
    for (const extra of score.extras) lines.push(`  extra   ${extra.file}:${extra.line} ${extra.sdk} ${extra.method} ${extra.provider} ${extra.model}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const scores: SdkScore[] = [];
  for (const analyzer of analyzers) scores.push(await scoreFixture(analyzer.id));
  console.log(formatScores(scores));
  const exact = scores.every((score) => score.misses.length === 0 && score.extras.length === 0);
  process.exitCode = exact ? 0 : 1;
}

if (require.main === module) void main();
