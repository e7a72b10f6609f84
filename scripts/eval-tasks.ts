/**
 * `npm run eval`: scores the task classifier against the labeled call sites in
 * test/fixtures/task-eval. Runs the real scan pipeline (analyzers, annotations, tokens, task), matches
 * each `// expect-task: <type>` comment to the first call site below it in the same file, and prints
 * per-type precision and recall plus overall accuracy. Exit code 1 when accuracy is below --min.
 *
 * `tsx scripts/eval-tasks.ts --real <corpus-dir> [--verbose]` adds the real-world corpus: every labeled
 * request of eval/real-world/labels that the scan finds (matched as `npm run eval:real` matches them) is
 * scored the same way, and both tables are printed side by side. Real calls are labeled by reading the
 * code before running the tool; a label's `acceptableTasks` count as right in the accuracy (not in the
 * strict per-type figures). Features (tools, images, structured output, multi-step) are scored too.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { scanWorkspace } from '../src/scan/scan';
import { TASK_TYPES, type CallSite, type TaskType } from '../src/model/types';
import { FEATURES, LABELS_DIR, bestPosition, positionsOf, readLabelFile, taskFigures, type LabelFeature, type TaskFigures, type TaskPair, type ToolSite } from './eval-real';

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

// ---------------------------------------------------------------------------------------------------------
// Real-world corpus

/** The product's name for each labeled feature (the label says `images`, the product `vision`). */
const PRODUCT_FEATURE: Record<LabelFeature, string> = { tools: 'tools', images: 'vision', structuredOutput: 'structuredOutput', streaming: 'streaming', multiStep: 'multiStep' };

export interface RealCase {
  repo: string;
  id: string;
  file: string;
  line: number;
  labeled: string;
  acceptable: string[];
  /** `wrapper-caller`: matched through the helper's `callers`, so the task shown is the helper's. */
  kind: string;
  taskWords?: string;
  /** Null when the scan reports nothing at the labeled place. */
  site: CallSite | null;
  features: Array<{ feature: LabelFeature; labeled: boolean; reported: boolean | null }>;
}

export interface RealReport {
  cases: RealCase[];
  tasks: TaskFigures;
  missingCheckouts: string[];
}

/** Scans every checked-out repository of the corpus in process and pairs its labels with the call sites found. */
export async function runRealTaskEval(corpusDir: string, labelsDir = LABELS_DIR): Promise<RealReport> {
  const cases: RealCase[] = [];
  const missingCheckouts: string[] = [];
  const labelFiles = readdirSync(labelsDir).filter((name) => name.endsWith('.json')).sort().map((name) => readLabelFile(path.join(labelsDir, name)));
  for (const labels of labelFiles) {
    const directory = path.join(corpusDir, labels.repo.replace('/', '__'));
    if (!existsSync(directory)) {
      missingCheckouts.push(labels.repo);
      continue;
    }
    const result = await scanWorkspace(directory);
    const positions = result.callSites.flatMap((site, index) => positionsOf(site as unknown as ToolSite, index));
    for (const label of labels.requests) {
      const position = bestPosition(positions, label.file, label.line);
      const site = position ? result.callSites[position.siteIndex] : null;
      const features = FEATURES.filter((feature) => typeof label.features?.[feature] === 'boolean').map((feature) => {
        const reported = site ? (site.features as unknown as Record<string, unknown>)[PRODUCT_FEATURE[feature]] : undefined;
        return { feature, labeled: label.features![feature] as boolean, reported: typeof reported === 'boolean' ? reported : site ? false : null };
      });
      cases.push({ repo: labels.repo, id: label.id, file: label.file, line: label.line, labeled: label.task, acceptable: label.acceptableTasks ?? [], kind: label.kind, taskWords: label.taskWords, site, features });
    }
  }
  const pairs: TaskPair[] = cases.filter((c) => c.site).map((c) => ({ labeled: c.labeled, acceptable: c.acceptable, reported: c.site!.task.type }));
  return { cases, tasks: taskFigures(pairs), missingCheckouts };
}

/** Fixture and real-world figures per task type, side by side, then the real-world misses. */
export function formatRealReport(fixtures: EvalReport, real: RealReport, verbose = false): string {
  const lines: string[] = [];
  const found = real.cases.filter((c) => c.site);
  lines.push(`real-world corpus: ${found.length} of ${real.cases.length} labeled requests found by the scan${real.missingCheckouts.length ? `; not checked out: ${real.missingCheckouts.join(', ')}` : ''}`);
  lines.push('');
  lines.push('task type               fixtures: n  pred  precision  recall   | real: n  pred  precision  recall');
  const realRows = new Map(real.tasks.perType.map((row) => [row.type, row]));
  for (const type of TASK_TYPES) {
    const fixture = fixtures.perType.find((row) => row.type === type)!;
    const realRow = realRows.get(type);
    if (fixture.support === 0 && fixture.predicted === 0 && !realRow) continue;
    lines.push(
      `${type.padEnd(24)}${String(fixture.support).padStart(11)}${String(fixture.predicted).padStart(6)}   ${pct(fixture.precision)}    ${pct(fixture.recall)}   |` +
        `${String(realRow?.support ?? 0).padStart(7)}${String(realRow?.predicted ?? 0).padStart(6)}   ${pct(realRow?.precision ?? null)}    ${pct(realRow?.recall ?? null)}`,
    );
  }
  const fixtureRight = fixtures.cases.filter((c) => c.actual === c.expected).length;
  const { right, compared } = real.tasks.accuracy;
  lines.push('');
  lines.push(`accuracy: fixtures ${fixtureRight}/${fixtures.cases.length} = ${(fixtures.accuracy * 100).toFixed(1)}%   real calls ${right}/${compared} = ${compared ? ((right / compared) * 100).toFixed(1) : '-'}% (label or acceptable)`);
  // A wrapper caller is judged by its helper's task until the caller's own prompt is read: show both parts.
  const isRight = (c: RealCase) => c.site!.task.type === c.labeled || c.acceptable.includes(c.site!.task.type);
  const direct = found.filter((c) => c.kind !== 'wrapper-caller');
  const callers = found.filter((c) => c.kind === 'wrapper-caller');
  lines.push(`  direct requests ${direct.filter(isRight).length}/${direct.length}; wrapper callers (shown with their helper's task) ${callers.filter(isRight).length}/${callers.length}`);
  const featureParts = FEATURES.map((feature) => {
    const scored = found.flatMap((c) => c.features.filter((f) => f.feature === feature && f.reported !== null));
    const ok = scored.filter((f) => f.reported === f.labeled).length;
    return `${feature} ${ok}/${scored.length}`;
  });
  const allScored = found.flatMap((c) => c.features.filter((f) => f.reported !== null));
  const allOk = allScored.filter((f) => f.reported === f.labeled).length;
  lines.push(`features on real calls: ${allOk}/${allScored.length} = ${allScored.length ? ((allOk / allScored.length) * 100).toFixed(1) : '-'}% (${featureParts.join(', ')})`);
  const wrong = found.filter((c) => c.site!.task.type !== c.labeled && !c.acceptable.includes(c.site!.task.type));
  const wrongFeatures = found.filter((c) => c.features.some((f) => f.reported !== null && f.reported !== f.labeled));
  if (wrong.length || (verbose && wrongFeatures.length)) {
    lines.push('', 'real calls misclassified:');
    for (const c of wrong) {
      lines.push(`  ${c.repo} ${c.id} ${c.file}:${c.line}  expected ${c.labeled}${c.acceptable.length ? ` (or ${c.acceptable.join(', ')})` : ''}, got ${c.site!.task.type} (${c.site!.task.confidence})`);
      if (verbose) {
        if (c.taskWords) lines.push(`      label: ${c.taskWords}`);
        for (const reason of c.site!.task.reasons) lines.push(`      - ${reason}`);
      }
    }
  }
  if (verbose && wrongFeatures.length) {
    lines.push('', 'real calls with a wrong feature:');
    for (const c of wrongFeatures) {
      const bad = c.features.filter((f) => f.reported !== null && f.reported !== f.labeled).map((f) => `${f.feature}=${f.reported} (label ${f.labeled})`);
      lines.push(`  ${c.repo} ${c.id} ${c.file}:${c.line}: ${bad.join(', ')}`);
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const minIndex = args.indexOf('--min');
  const min = minIndex >= 0 ? Number(args[minIndex + 1]) : 0;
  const realIndex = args.indexOf('--real');
  const verbose = args.includes('--verbose') || args.includes('-v');
  const report = await runTaskEval();
  console.log(formatReport(report, verbose));
  if (realIndex >= 0) {
    const corpusDir = args[realIndex + 1];
    if (!corpusDir || !existsSync(corpusDir)) throw new Error(`--real needs the folder \`npm run corpus:checkout\` wrote (got ${corpusDir ?? 'nothing'})`);
    const real = await runRealTaskEval(path.resolve(corpusDir));
    console.log('');
    console.log(formatRealReport(report, real, verbose));
  }
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
