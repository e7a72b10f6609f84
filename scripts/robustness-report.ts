/**
 * Robustness report (`npm run robustness`): scans each bad input of the corpus in a fresh process
 * next to one good call, and prints whether the scan completed, whether the good call survived,
 * the diagnostics, and the process's peak memory. Figures for the reliability issue's closing note.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CORPUS, GOOD_CALL } from '../test/fixtures/bad/corpus';
import { scanWorkspace } from '../src/scan/scan';

async function child(index: number): Promise<void> {
  const entry = CORPUS[index];
  const root = mkdtempSync(path.join(os.tmpdir(), 'robustness-'));
  try {
    writeFileSync(path.join(root, 'good.ts'), GOOD_CALL);
    entry.make(root);
    const started = Date.now();
    const result = await scanWorkspace(root);
    process.send!({ name: entry.name, ok: true, goodFound: result.callSites.some((site) => site.file === 'good.ts'), callSites: result.callSites.length, diagnostics: result.diagnostics.map((d) => `${d.file}: ${d.message}`), ms: Date.now() - started, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function parent(): Promise<void> {
  let crashes = 0;
  console.log('input'.padEnd(60), 'scan', 'good call', 'peak RSS', 'time');
  for (let index = 0; index < CORPUS.length; index++) {
    const report = await new Promise<Record<string, unknown> | undefined>((resolve) => {
      const worker = fork(__filename, [String(index)], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      let message: Record<string, unknown> | undefined;
      worker.on('message', (m) => (message = m as Record<string, unknown>));
      worker.on('exit', () => resolve(message));
    });
    if (!report) {
      crashes++;
      console.log(CORPUS[index].name.padEnd(60), 'CRASHED');
      continue;
    }
    console.log(String(report.name).slice(0, 59).padEnd(60), 'done', report.goodFound ? 'kept     ' : 'LOST     ', `${report.peakRssMb} MB`.padStart(8), `${report.ms} ms`);
    for (const diagnostic of report.diagnostics as string[]) console.log('   ', diagnostic.slice(0, 150));
  }
  console.log(`\ninputs tried ${CORPUS.length}, scans completed ${CORPUS.length - crashes}, crashes ${crashes}`);
}

if (process.argv[2] !== undefined) void child(Number(process.argv[2]));
else void parent();
