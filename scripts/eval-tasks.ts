/**
 * `npm run eval`: scores the task classifier against the labeled call sites in
 * test/fixtures/task-eval. Runs the real scan pipeline (analyzers, annotations, tokens, task), matches
 * each `// expect-task: <type>` comment to the first call site below it in the same file, and prints
 * per-type precision and recall plus overall accuracy. Exit code 1 when accuracy is below --min.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { scanWorkspace } from '../src/scan/scan';
import { TASK_TYPES, type CallSite, type TaskType } from '../src/model/types';

export interface EvalCase {
  file: string;
  /** Line of the expect-task comment. */
  labelLine: number;
  expected: TaskType;
  /** Null when the scan found no call site for this label (counts as wrong). */
  actual: TaskType | null;
  site?: CallSite;
}

export interface EvalReport {
  cases: EvalCase[];
  accuracy: number;
  perType: Array<{ type: TaskType; support: number; predicted: number; precision: number | null; recall: number | null }>;
  /** Call sites that carry no label: the fixture set should have none. */
  unlabeled: CallSite[];
}

const LABEL = /\/\/\s*expect-task:\s*([a-z-]+)/;

export const EVAL_ROOT = path.join(__dirname, '..', 'test', 'fixtures', 'task-eval');

/** Scans the evaluation fixtures and compares every labeled call with the classifier's answer. */
export async function runTaskEval(root = EVAL_ROOT): Promise<EvalReport> {
  const result = await scanWorkspace(root);
  const sitesByFile = new Map<string, CallSite[]>();
  for (const site of result.callSites) {
    const list = sitesByFile.get(site.file) ?? [];
    list.push(site);
    sitesByFile.set(site.file, list);
  }
  for (const list of sitesByFile.values()) list.sort((a, b) => a.line - b.line);

  const cases: EvalCase[] = [];
  const used = new Set<CallSite>();
  const files = new Set([...sitesByFile.keys(), ...listLabeledFiles(root)]);
  for (const file of [...files].sort()) {
    const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
    const sites = sitesByFile.get(file) ?? [];
    lines.forEach((text, index) => {
      const match = LABEL.exec(text);
      if (!match) return;
      const labelLine = index + 1;
      const expected = match[1] as TaskType;
      if (!(TASK_TYPES as readonly string[]).includes(expected)) throw new Error(`${file}:${labelLine}: unknown label "${expected}"`);
      const site = sites.find((candidate) => candidate.line > labelLine && !used.has(candidate));
      if (site) used.add(site);
      cases.push({ file, labelLine, expected, actual: site?.task.type ?? null, site });
    });
  }

  const correct = cases.filter((c) => c.actual === c.expected).length;
  const perType = TASK_TYPES.map((type) => {
    const support = cases.filter((c) => c.expected === type).length;
    const predicted = cases.filter((c) => c.actual === type).length;
    const hits = cases.filter((c) => c.expected === type && c.actual === type).length;
    return { type, support, predicted, precision: predicted ? hits / predicted : null, recall: support ? hits / support : null };
  });
  const unlabeled = result.callSites.filter((site) => !used.has(site));
  return { cases, accuracy: cases.length ? correct / cases.length : 0, perType, unlabeled };
}

/** Files under root holding labels, found by a walk so a file the scan skipped still counts as misses. */
function listLabeledFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules') continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.[cm]?[jt]sx?$/.test(name) && LABEL.test(readFileSync(full, 'utf8'))) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out;
}

const pct = (value: number | null): string => (value === null ? '   -  ' : `${(value * 100).toFixed(1).padStart(5)}%`);

/** The accuracy table as printed by `npm run eval`. */
export function formatReport(report: EvalReport, verbose = false): string {
  const lines: string[] = [];
  lines.push('task type               support  predicted  precision  recall');
  for (const row of report.perType) {
    if (row.support === 0 && row.predicted === 0) continue;
    lines.push(`${row.type.padEnd(24)}${String(row.support).padStart(7)}${String(row.predicted).padStart(11)}   ${pct(row.precision)}    ${pct(row.recall)}`);
  }
  const correct = report.cases.filter((c) => c.actual === c.expected).length;
  lines.push('');
  lines.push(`overall accuracy: ${correct}/${report.cases.length} = ${(report.accuracy * 100).toFixed(1)}%`);
  // Holdout folders were written after tuning: their scores are the honest estimate for unseen code.
  const groupOf = (c: EvalCase): string => /\/(holdout\d*)\//.exec(c.file)?.[1] ?? 'tuning set';
  const groups = [...new Set(report.cases.map(groupOf))].sort((a, b) => (a === 'tuning set' ? -1 : b === 'tuning set' ? 1 : a.localeCompare(b)));
  if (groups.length > 1) {
    const parts = groups.map((group) => {
      const members = report.cases.filter((c) => groupOf(c) === group);
      const ok = members.filter((c) => c.actual === c.expected).length;
      return `${group}: ${ok}/${members.length} = ${((ok / members.length) * 100).toFixed(1)}%`;
    });
    lines.push(`  ${parts.join('   ')}`);
  }
  const misses = report.cases.filter((c) => c.actual !== c.expected);
  if (misses.length) {
    lines.push('');
    lines.push('misclassified:');
    for (const miss of misses) {
      const where = `${miss.file}:${miss.site?.line ?? miss.labelLine}`;
      lines.push(`  ${where}  expected ${miss.expected}, got ${miss.actual ?? 'NO CALL DETECTED'}${miss.site ? ` (${miss.site.task.confidence})` : ''}`);
      if (verbose && miss.site) for (const reason of miss.site.task.reasons) lines.push(`      - ${reason}`);
    }
  }
  if (report.unlabeled.length) {
    lines.push('');
    lines.push(`call sites without an expect-task label: ${report.unlabeled.map((s) => `${s.file}:${s.line}`).join(', ')}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const minIndex = args.indexOf('--min');
  const min = minIndex >= 0 ? Number(args[minIndex + 1]) : 0;
  const report = await runTaskEval();
  console.log(formatReport(report, args.includes('--verbose') || args.includes('-v')));
  if (report.accuracy < min) {
    console.error(`accuracy ${(report.accuracy * 100).toFixed(1)}% is below --min ${min * 100}%`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 2;
  });
}
