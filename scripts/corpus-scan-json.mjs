#!/usr/bin/env node
/**
 * `npm run corpus:scan-json -- <corpus> <out-dir> [--compare <earlier-out-dir>]`: the scan JSON of every repository
 * checked out under <corpus> (`npm run corpus:checkout`), one file per repository in <out-dir>, written by the built CLI
 * (`bin/llm-hosting-advisor.js scan <dir> --format json`, run `npm run build` first) in a fresh process with the
 * result store off. The run's duration and time stamp are left out and keys sorted, so two builds that report the
 * same give byte-identical files.
 *
 * With `--compare`, lists the repositories whose JSON differs from the earlier directory's and exits 1 when any does:
 * how a change meant to alter nothing the scan reports (a speed change, a refactoring) is checked on real code.
 * The eval (`npm run eval:real`) measures the labeled figures; this checks every reported byte, labeled or not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'llm-hosting-advisor.js');

function usage(message) {
  process.stderr.write(`corpus:scan-json: ${message}\nusage: npm run corpus:scan-json -- <corpus> <out-dir> [--compare <earlier-out-dir>]\n`);
  process.exit(2);
}

/** The value with object keys in sorted order at every depth (arrays keep theirs). */
function sortedKeys(value) {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys(value[key])]));
}

let parsed;
try {
  parsed = parseArgs({ args: process.argv.slice(2), options: { compare: { type: 'string' } }, allowPositionals: true });
} catch (error) {
  usage(error.message);
}
const earlier = parsed.values.compare;
if (earlier === '') usage('--compare needs a directory');
const [corpus, outDir] = parsed.positionals;
if (!corpus || !outDir) usage('a corpus directory and an output directory are required');
if (!existsSync(corpus) || !statSync(corpus).isDirectory()) usage(`not a directory: ${corpus}`);
mkdirSync(outDir, { recursive: true });

const repositories = readdirSync(corpus, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const differing = [];
for (const name of repositories) {
  const run = spawnSync(process.execPath, [BIN, 'scan', path.join(corpus, name), '--format', 'json'], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, LLM_HOSTING_ADVISOR_CACHE: '0' } });
  let text;
  if (run.status === 0) {
    const result = JSON.parse(run.stdout);
    delete result.generatedAt;
    if (result.summary) delete result.summary.durationMs;
    text = `${JSON.stringify(sortedKeys(result))}\n`;
  } else {
    // A failed scan is recorded as such: a build that starts or stops failing on a repository is a difference too.
    text = `scan failed with exit ${run.status}: ${String(run.stderr).split('\n')[0]}\n`;
  }
  const file = path.join(outDir, `${name}.json`);
  writeFileSync(file, text);
  if (earlier) {
    const before = path.join(earlier, `${name}.json`);
    if (!existsSync(before) || readFileSync(before, 'utf8') !== text) differing.push(name);
  }
  process.stdout.write(`${name}${run.status === 0 ? '' : ' (scan failed)'}\n`);
}
if (earlier) {
  process.stdout.write(differing.length === 0 ? `all ${repositories.length} identical to ${earlier}\n` : `differ from ${earlier}: ${differing.join(', ')}\n`);
  process.exitCode = differing.length === 0 ? 0 : 1;
}
