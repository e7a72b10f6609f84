#!/usr/bin/env node
// `npm test`: every layer in order — build, typecheck, lint, unit (mocha on Node), webview security (the
// panel's real HTML and script in chromium with hostile data), integration (mocha in a real VS Code
// extension host under code-server), UI (chromium against code-server). Streams each
// layer's output, times it, reads mocha's "N passing / N failing / N pending" counts, prints a
// table, and ends with exactly one line `tests: N passed, M failed` (what CI reads). Exit code 1
// when anything failed. A layer that fails without counts (crash, build or type error) counts as
// one failure.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const LAYERS = [
  { name: 'build', script: 'build', counts: false },
  { name: 'typecheck', script: 'typecheck', counts: false },
  { name: 'lint', script: 'lint', counts: false },
  { name: 'unit', script: 'test:unit', counts: true },
  { name: 'webview', command: [process.execPath, join(ROOT, 'test', 'e2e', 'webview-hostile.e2e.mjs')], counts: true },
  { name: 'integration', script: 'test:integration', counts: true },
  { name: 'ui', script: 'test:ui', counts: true },
];

const only = process.env.LLMHA_LAYERS?.split(',').map((s) => s.trim()).filter(Boolean);

const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

function runLayer(layer, env) {
  return new Promise((resolve) => {
    const started = Date.now();
    let output = '';
    const [cmd, args] = layer.command ? [layer.command[0], layer.command.slice(1)] : [NPM, ['run', '--silent', layer.script]];
    console.log(`\n=== ${layer.name}: ${layer.command ? layer.command.slice(1).map((a) => a.replace(`${ROOT}/`, '')).join(' ') : `npm run ${layer.script}`} ===`);
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => { output += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { output += d; process.stderr.write(d); });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), ms: Date.now() - started, output: stripAnsi(output) }));
    child.on('error', (e) => resolve({ code: 127, ms: Date.now() - started, output: String(e) }));
  });
}

/** The last "N passing / failing / pending" of mocha's (or the UI runner's) epilogue. */
function parseCounts(output) {
  const last = (re) => {
    const all = [...output.matchAll(re)];
    return all.length ? Number(all[all.length - 1][1]) : undefined;
  };
  return {
    passing: last(/^\s*(\d+) passing\b/gm),
    failing: last(/^\s*(\d+) failing\b/gm),
    pending: last(/^\s*(\d+) pending\b/gm),
  };
}

function fmtMs(ms) {
  if (ms < 60000) return `${(ms / 1000).toFixed(1)}s`;
  return `${Math.floor(ms / 60000)}m${String(Math.round((ms % 60000) / 1000)).padStart(2, '0')}s`;
}

const t0 = Date.now();
const rows = [];
let passed = 0;
let failed = 0;
let buildOk = true;
for (const layer of LAYERS) {
  if (only && !only.includes(layer.name)) continue;
  // The build ran already: the VS Code runners reuse dist/ instead of building again.
  const env = { ...process.env, ...(buildOk && rows.some((r) => r.name === 'build') ? { LLMHA_SKIP_BUILD: '1' } : {}), FORCE_COLOR: '0' };
  const r = await runLayer(layer, env);
  const c = layer.counts ? parseCounts(r.output) : {};
  let layerPassed = c.passing ?? 0;
  let layerFailed = c.failing ?? 0;
  if (r.code !== 0 && layerFailed === 0) layerFailed = 1; // crashed, or a build/type error
  if (!layer.counts) layerPassed = 0;
  if (layer.name === 'build' && r.code !== 0) buildOk = false;
  passed += layerPassed;
  failed += layerFailed;
  rows.push({ name: layer.name, ms: r.ms, code: r.code, passing: layer.counts ? c.passing ?? 0 : '-', failing: layer.counts || layerFailed ? layerFailed : '-', pending: layer.counts ? c.pending ?? 0 : '-' });
}

const total = Date.now() - t0;
const header = ['layer', 'time', 'passed', 'failed', 'pending', 'exit'];
const table = [header, ...rows.map((r) => [r.name, fmtMs(r.ms), String(r.passing), String(r.failing), String(r.pending), String(r.code)]), ['total', fmtMs(total), String(passed), String(failed), '', '']];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
console.log('\n=== summary ===');
table.forEach((row, i) => {
  console.log(row.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
});
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
