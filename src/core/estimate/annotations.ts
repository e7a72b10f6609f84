/**
 * The `llm-advisor:` line annotation, written on the lines directly above a call:
 *
 *   // llm-advisor: task=extraction calls=20000/day hole.rag-context=3000 tokens.history=2000
 *
 * Keys: `task=<task type>`, `calls=<rate>` (alias `volume`, `callsPerMonth`), `model=<model id>` (the
 * model the call sends, for calls whose model the code does not state), and hole sizes as
 * `hole.<kind or expression>=<tokens>` or `tokens.<kind or expression>=<tokens>`. Pairs are
 * separated by spaces or commas. A bad pair becomes an error string and the rest still applies.
 */
import { editDistance } from '../../model/display';
import { TASK_TYPES, type CallAnnotation, type TaskType } from '../../model/types';
import { MODEL_ID_PATTERN } from '../../model/vocabulary';

/** Months are 365/12 days; hours per month 730 (the cloud-billing convention). */
const PER_MONTH: Record<string, number> = {
  month: 1,
  year: 1 / 12,
  week: 52 / 12,
  day: 365 / 12,
  hour: 730,
  minute: 730 * 60,
};

const UNIT_ALIASES: Record<string, keyof typeof PER_MONTH> = {
  month: 'month', months: 'month', mo: 'month', mon: 'month',
  year: 'year', years: 'year', yr: 'year', y: 'year',
  week: 'week', weeks: 'week', wk: 'week', w: 'week',
  day: 'day', days: 'day', d: 'day',
  hour: 'hour', hours: 'hour', hr: 'hour', h: 'hour',
  minute: 'minute', minutes: 'minute', min: 'minute',
};

/** `20k` → 20000, `1.5m` → 1500000, `12,000` → 12000; undefined when not a number. */
export function parseCount(text: string): number | undefined {
  const match = /^\s*([0-9][0-9_,]*(?:\.[0-9]+)?)\s*([kKmMbB])?\s*$/.exec(text);
  if (!match) return undefined;
  const base = Number(match[1].replace(/[_,]/g, ''));
  const suffix = match[2]?.toLowerCase();
  const scale = suffix === 'k' ? 1e3 : suffix === 'm' ? 1e6 : suffix === 'b' ? 1e9 : 1;
  const value = base * scale;
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A call rate as calls per month: `20000/day`, `20k/day`, `500 per hour`, `3000/week`, or a plain
 * number, which means per month. Returns an error message instead of throwing.
 */
export function parseRate(text: string): { callsPerMonth: number; unit: string } | { error: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith('-')) return { error: `calls must not be negative: "${text}"` };
  const match = /^(.+?)\s*(?:\/|\bper\b|\ba\b)\s*([a-zA-Z]+)\s*$/.exec(trimmed);
  const numberPart = match ? match[1] : trimmed;
  const unitText = match ? match[2].toLowerCase() : 'month';
  const count = parseCount(numberPart);
  if (count === undefined) return { error: `not a number of calls: "${text}" (write e.g. 20000/day, 20k/day or 150000 for per month)` };
  const unit = UNIT_ALIASES[unitText];
  if (!unit) return { error: `unknown time unit "${unitText}" in "${text}" (use /hour, /day, /week or /month)` };
  return { callsPerMonth: Math.round(count * PER_MONTH[unit]), unit };
}

/** The closest task type name, for "did you mean" in errors. */
function nearestTask(value: string): TaskType | undefined {
  let best: TaskType | undefined;
  let bestDistance = Infinity;
  for (const type of TASK_TYPES) {
    const d = editDistance(value.toLowerCase(), type);
    if (d < bestDistance) {
      bestDistance = d;
      best = type;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}


/** Checks a task name; returns the type or an error naming the valid ones. */
export function parseTaskType(value: string): { task: TaskType } | { error: string } {
  const normalized = value.trim().toLowerCase();
  if ((TASK_TYPES as readonly string[]).includes(normalized)) return { task: normalized as TaskType };
  const guess = nearestTask(normalized);
  return { error: `unknown task "${value}"${guess ? ` (did you mean ${guess}?)` : ''}; valid: ${TASK_TYPES.join(', ')}` };
}

/** Parses a hole-size value: a non-negative token count, `k` suffix allowed. */
export function parseTokenCount(value: string): number | { error: string } {
  if (value.trim().startsWith('-')) return { error: `token count must not be negative: "${value}"` };
  const count = parseCount(value);
  if (count === undefined) return { error: `not a token count: "${value}"` };
  return Math.round(count);
}


/** Checks a model id written in a comment or the usage file; the catalog decides later whether it is priced. */
export function parseModelId(value: string): { model: string } | { error: string } {
  const trimmed = value.trim();
  if (MODEL_ID_PATTERN.test(trimmed)) return { model: trimmed };
  return { error: `not a model id: "${value}" (write the id the provider bills, e.g. model=gpt-4o-mini)` };
}

export interface ParsedAnnotation {
  /** Undefined when the comment carries no valid setting. */
  annotation?: CallAnnotation;
  /** One message per rejected pair, meant for a warning diagnostic at `line`. */
  errors: string[];
}

const MARKER = /llm-advisor\s*:/i;

/** Strips comment syntax (`//`, `/* *\/`, leading `*`) and returns the text after `llm-advisor:`. */
function annotationBody(commentText: string): string | undefined {
  const lines = commentText
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(\/\/+|\/\*+|\*+(?!\/))?/, '').replace(/\*+\/\s*$/, '').trim());
  const joined = lines.join(' ');
  const marker = MARKER.exec(joined);
  return marker ? joined.slice(marker.index + marker[0].length).trim() : undefined;
}

/**
 * Parses one `llm-advisor:` comment (as written, comment markers included) found at `line`.
 * Never throws: invalid pairs come back in `errors` and the valid ones still apply.
 */
export function parseAnnotation(commentText: string, line: number): ParsedAnnotation {
  const body = annotationBody(commentText);
  const errors: string[] = [];
  if (body === undefined) return { errors: ['no "llm-advisor:" marker in the comment'] };

  const annotation: CallAnnotation = { raw: commentText.trim(), line };
  let settings = 0;
  // `calls=20000 / day` and `calls = 20k per day` are tolerated: join spaced rates before splitting.
  const normalized = body
    .replace(/\s*=\s*/g, '=')
    .replace(/(\S)\s*\/\s*([a-zA-Z])/g, '$1/$2')
    .replace(/\s+per\s+([a-zA-Z]+)/gi, '/$1');
  const pairs = normalized.split(/[\s,;]+/).filter(Boolean);
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      errors.push(`expected key=value, got "${pair}"`);
      continue;
    }
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim().replace(/^["']|["']$/g, '');
    const lowerKey = key.toLowerCase();
    if (lowerKey === 'task') {
      const parsed = parseTaskType(value);
      if ('error' in parsed) errors.push(parsed.error);
      else {
        annotation.task = parsed.task;
        settings++;
      }
    } else if (lowerKey === 'calls' || lowerKey === 'volume' || lowerKey === 'callspermonth') {
      const parsed = parseRate(value);
      if ('error' in parsed) errors.push(parsed.error);
      else {
        annotation.callsPerMonth = parsed.callsPerMonth;
        settings++;
      }
    } else if (lowerKey === 'model') {
      const parsed = parseModelId(value);
      if ('error' in parsed) errors.push(parsed.error);
      else {
        annotation.model = parsed.model;
        settings++;
      }
    } else if (/^(hole|holes|tokens)\./i.test(key)) {
      const target = key.slice(key.indexOf('.') + 1);
      if (!target) {
        errors.push(`"${key}" needs a hole kind or expression after the dot (e.g. hole.rag-context=3000)`);
        continue;
      }
      const parsed = parseTokenCount(value);
      if (typeof parsed !== 'number') errors.push(parsed.error);
      else {
        annotation.holeTokens = { ...(annotation.holeTokens ?? {}), [target]: parsed };
        settings++;
      }
    } else {
      errors.push(`unknown key "${key}" (use task=, calls=, model=, hole.<kind>= or tokens.<kind>=)`);
    }
  }
  return settings > 0 ? { annotation, errors } : { errors: errors.length ? errors : ['the llm-advisor comment sets nothing'] };
}
