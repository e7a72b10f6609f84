import { parse as parseCsv, type CsvError, type Info } from 'csv-parse/sync';
import type { VolumeEstimate } from '../../model/types';

/** Real monthly traffic of one model, read from a provider's usage export. */
export interface ModelUsage {
  model: string;
  requestsPerMonth: number | null;
  inputTokensPerMonth: number;
  outputTokensPerMonth: number;
}

export interface UsageExport {
  models: ModelUsage[];
  /** Days the export covers (from its date column), used to scale to a 30.44-day month. */
  days: number;
  errors: Array<{ line: number; message: string }>;
}

const DAYS_PER_MONTH = 365 / 12;

/** Column names used by OpenAI's and Anthropic's usage exports (and common variants), lower-cased. */
const COLUMNS = {
  model: ['model', 'model_version', 'model_name', 'model_id'],
  requests: ['num_model_requests', 'requests', 'request_count', 'num_requests'],
  input: ['input_tokens', 'uncached_input_tokens', 'prompt_tokens', 'n_context_tokens_total'],
  cachedInput: ['input_cached_tokens', 'cache_read_input_tokens', 'cache_creation_input_tokens'],
  output: ['output_tokens', 'completion_tokens', 'n_generated_tokens_total'],
  date: ['start_time', 'date', 'usage_date_utc', 'day', 'timestamp', 'start_time_iso'],
} as const;

/**
 * Reads an OpenAI or Anthropic usage export (CSV) into monthly tokens and requests per model.
 * Columns are found by name; rows that cannot be read are reported with their line and skipped.
 */
export function parseUsageExport(text: string): UsageExport {
  const errors: UsageExport['errors'] = [];
  const rows = readCsvRows(text, errors);
  const header = (rows[0]?.cells ?? []).map((cell) => cell.trim().toLowerCase());
  const column = (names: readonly string[]) => names.map((name) => header.indexOf(name)).filter((index) => index >= 0);
  const modelColumn = column(COLUMNS.model)[0];
  if (modelColumn === undefined) return { models: [], days: 0, errors: [{ line: 1, message: `no model column (expected one of ${COLUMNS.model.join(', ')})` }, ...errors] };
  const requestColumn = column(COLUMNS.requests)[0];
  const inputColumns = [...column(COLUMNS.input), ...column(COLUMNS.cachedInput)];
  const outputColumns = column(COLUMNS.output);
  const dateColumn = column(COLUMNS.date)[0];
  if (inputColumns.length === 0 && requestColumn === undefined) errors.push({ line: 1, message: 'no token or request columns found' });

  const totals = new Map<string, { requests: number | null; input: number; output: number }>();
  const dates = new Set<string>();
  for (const { line, cells } of rows.slice(1)) {
    const model = cells[modelColumn]?.trim();
    if (!model) {
      errors.push({ line, message: 'row has no model' });
      continue;
    }
    const number = (columnIndex: number) => {
      const value = Number((cells[columnIndex] ?? '').trim() || '0');
      return Number.isFinite(value) && value >= 0 ? value : NaN;
    };
    const input = inputColumns.reduce((sum, columnIndex) => sum + number(columnIndex), 0);
    const output = outputColumns.reduce((sum, columnIndex) => sum + number(columnIndex), 0);
    const requests = requestColumn === undefined ? null : number(requestColumn);
    if (Number.isNaN(input) || Number.isNaN(output) || (requests !== null && Number.isNaN(requests))) {
      errors.push({ line, message: 'a token or request count is not a non-negative number' });
      continue;
    }
    const entry = totals.get(model) ?? { requests: requestColumn === undefined ? null : 0, input: 0, output: 0 };
    entry.input += input;
    entry.output += output;
    if (entry.requests !== null && requests !== null) entry.requests += requests;
    totals.set(model, entry);
    if (dateColumn !== undefined && cells[dateColumn]) dates.add(dayOf(cells[dateColumn].trim()));
  }
  const days = Math.max(1, dates.size || 30);
  const scale = DAYS_PER_MONTH / days;
  const models = [...totals].map(([model, entry]) => ({
    model,
    requestsPerMonth: entry.requests === null ? null : entry.requests * scale,
    inputTokensPerMonth: entry.input * scale,
    outputTokensPerMonth: entry.output * scale,
  }));
  return { models, days, errors: errors.sort((a, b) => a.line - b.line) };
}

/**
 * Spreads each model's real monthly requests over the call sites using that model, equally (the
 * export does not say which code sent them). Returns a volume per call site id; models in the
 * export that match no call site are listed so the user sees the unattributed traffic.
 */
export function distributeUsage(usage: UsageExport, callSites: Array<{ id: string; modelKey: string | null; inputPerCall: number; outputPerCall: number }>, canonical: (model: string) => string): { volumes: Map<string, VolumeEstimate>; unmatched: string[] } {
  const volumes = new Map<string, VolumeEstimate>();
  const unmatched: string[] = [];
  for (const model of usage.models) {
    const key = canonical(model.model);
    const sites = callSites.filter((site) => site.modelKey !== null && site.modelKey === key);
    if (sites.length === 0) {
      unmatched.push(model.model);
      continue;
    }
    // Without a request count, infer requests from tokens and the sites' own tokens per call.
    const tokensPerCall = sites.reduce((sum, site) => sum + site.inputPerCall + site.outputPerCall, 0) / sites.length || 1;
    const requests = model.requestsPerMonth ?? (model.inputTokensPerMonth + model.outputTokensPerMonth) / tokensPerCall;
    const share = requests / sites.length;
    for (const site of sites) {
      volumes.set(site.id, {
        callsPerMonth: share,
        source: 'usage-export',
        basis: `usage export: ${model.model} ${Math.round(requests).toLocaleString('en-US')} requests/month over ${usage.days} day(s) of data${model.requestsPerMonth === null ? ' (inferred from tokens ÷ tokens per call)' : ''}, split equally over ${sites.length} call site(s) using it`,
      });
    }
  }
  return { volumes, unmatched };
}

function dayOf(value: string): string {
  const numeric = Number(value);
  if (Number.isFinite(numeric) && value !== '') return new Date(numeric * (numeric < 1e12 ? 1000 : 1)).toISOString().slice(0, 10);
  return value.slice(0, 10);
}

/**
 * The export's records with the line each starts on (csv-parse: quoted cells may hold commas, quotes and line
 * breaks; a byte-order mark and blank lines are skipped). A record csv-parse cannot read (a quote inside an
 * unquoted cell) is reported with its line and left out, and the records after it are still read; an unclosed
 * quote runs to the end of the file, and is reported at the last line.
 */
function readCsvRows(text: string, errors: UsageExport['errors']): Array<{ line: number; cells: string[] }> {
  const records = parseCsv(text, {
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) errors.push({ line: lineOf(error), message: `not readable as CSV: ${error.message.replace(/^[^:]*: /, '')}` });
      return undefined;
    },
  }) as unknown as Array<{ record: string[]; info: Info }>;
  return records.map(({ record, info }) => ({ line: info.lines - (record.join(',').match(/\r?\n/g)?.length ?? 0), cells: record }));
}

function lineOf(error: CsvError): number {
  return typeof error.lines === 'number' ? error.lines : 0;
}
