import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BUILTIN_CALLS_PER_MONTH, DATA_SENSITIVITIES, USAGE_FILE_NAME, type DataSensitivity } from '../model/vocabulary';
import { parseModelId } from '../core/estimate/annotations';

/** Parsed command line of the CLI. */
export interface CliArguments {
  command: 'scan' | 'diff' | 'size' | 'help' | 'version';
  directory: string;
  format: 'table' | 'json' | 'markdown';
  out?: string;
  plan?: string;
  usageFile?: string;
  usageExport?: string;
  priceFile?: string;
  exclude: string[];
  include: string[];
  /** `--non-production GLOB`: more code that is not production traffic (listed, left out of the totals). */
  nonProduction: string[];
  callsPerMonth?: number;
  base?: string;
  failAbove?: number;
  dataSensitivity?: DataSensitivity;
  /** `--no-cache`: analyze every file afresh instead of reusing results of an earlier run. */
  noCache?: boolean;
  /** `--fixed-cost id=usd`: monthly fixed costs of self-hosting replacing the catalog's defaults. */
  fixedCosts: Record<string, number>;
  /** Models a user-chosen model is priced against (`--assumed-models a,b,c`); default: data/catalog/assumed-models.json. */
  assumedModels?: string[];
  /** `size` options. */
  model?: string;
  precision?: string;
  gpu?: string;
  gpus?: number;
  context?: number;
  concurrency?: number;
  gpuMemoryUtilization?: number;
}

/** A mistake on the command line (or an input it names that cannot be read): printed as one line, exit code 2. */
export class CommandLineError extends Error {}

export const HELP = `Usage: llm-hosting-advisor <command> [options]

Commands:
  scan [dir]               find the LLM calls under dir (default .) and price every hosting option
  diff --base <git ref>    change in monthly cost between <git ref> and the working tree (Markdown for a PR comment)
  size --model <id> [--precision bf16|fp16|fp8|int8|mxfp4|int4] [--gpu <id>] [--gpus N] [--context N]
       [--concurrency N] [--gpu-memory-utilization 0.9]
                           VRAM, fit and speed of self-hosting an open model (cheapest fitting GPUs without --gpu)

Options:
  --format table|json|markdown   output format (default: table; markdown is the migration plan)
  --out FILE                     write the output to FILE instead of standard output
  --plan FILE                    also write the Markdown migration plan to FILE
  --usage FILE                   usage file with volumes (default: <dir>/${USAGE_FILE_NAME})
  --usage-export FILE.csv        OpenAI or Anthropic usage export: real requests per model, spread over the calls using it
  --price-file FILE              a local price file (LiteLLM's JSON) layered over the bundled catalog
  --exclude GLOB                 leave paths out (repeatable; e.g. 'legacy/**', '*.test.ts')
  --non-production GLOB          code that is not production traffic, besides tests, evals, mocks, stories,
                                 fixtures, scripts and examples: listed, left out of the totals (repeatable)
  --include GLOB                 scan paths under folders skipped by default (node_modules, dist, vendor, ...)
  --no-cache                     analyze every file afresh (by default scan and diff reuse the results of unchanged
                                 files from the last run, kept in the temporary folder or in LLM_HOSTING_ADVISOR_CACHE_DIR;
                                 LLM_HOSTING_ADVISOR_CACHE=0 does the same)
  --calls-per-month N            default volume for calls without one (default: ${BUILTIN_CALLS_PER_MONTH}, an assumption)
  --fail-above USD               diff: exit 1 when the monthly increase is above USD
  --data-sensitivity standard|regulated   regulated data stays on infrastructure you control
  --fixed-cost ID=USD            monthly fixed cost of self-hosting replacing the default (repeatable; ids:
                                 ml-engineering-self-managed, infra-self-managed, ml-engineering-managed, infra-managed)
  --assumed-models A,B,C         models to price a call against when the code does not state its model (the end
                                 user's or the deployment's pick with no list, or a model the scan cannot trace)
                                 (default: each provider's mainstream models, data/catalog/assumed-models.json)
  -h, --help                     show this help
  -v, --version                  show the version

Exit codes: 0 success, 1 failure (or diff above --fail-above), 2 bad arguments or unreadable directory.`;

/** Every option, for node:util parseArgs; string options take the next argument (or `--name=value`). */
const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  format: { type: 'string' },
  out: { type: 'string' },
  plan: { type: 'string' },
  usage: { type: 'string' },
  'usage-export': { type: 'string' },
  'price-file': { type: 'string' },
  exclude: { type: 'string', multiple: true },
  'non-production': { type: 'string', multiple: true },
  include: { type: 'string', multiple: true },
  base: { type: 'string' },
  'no-cache': { type: 'boolean' },
  'calls-per-month': { type: 'string' },
  'fail-above': { type: 'string' },
  'data-sensitivity': { type: 'string' },
  'fixed-cost': { type: 'string', multiple: true },
  'assumed-models': { type: 'string' },
  model: { type: 'string' },
  precision: { type: 'string' },
  gpu: { type: 'string' },
  gpus: { type: 'string' },
  context: { type: 'string' },
  concurrency: { type: 'string' },
  'gpu-memory-utilization': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

type OptionName = keyof typeof OPTIONS;

/**
 * Parses argv (without node and script) with node:util parseArgs. Throws CommandLineError on anything it
 * does not understand. The tokens are read in order (parseArgs' own strict mode would report unknown
 * options and missing values in its wording, and would not stop at `--help`): each option is checked
 * where it stands, so `-h` anywhere shows the help unless an earlier argument is wrong.
 */
export function parseArguments(argv: readonly string[]): CliArguments {
  const result: CliArguments = { command: 'help', directory: '.', format: 'table', exclude: [], include: [], nonProduction: [], fixedCosts: {} };
  const positionals: string[] = [];
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'option-terminator') throw new CommandLineError('unknown option --');
    if (token.kind === 'positional') {
      if (token.value.startsWith('-')) throw new CommandLineError(`unknown option ${token.value}`);
      positionals.push(token.value);
      continue;
    }
    const argument = token.rawName;
    if (!Object.hasOwn(OPTIONS, token.name)) throw new CommandLineError(`unknown option ${token.inlineValue ? argv[token.index] : argument}`);
    const name = token.name as OptionName;
    // parseArgs gives a string option the next argument whatever it is; `--out --plan x` means a value is missing.
    const value = (): string => {
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) throw new CommandLineError(`${argument} needs a value`);
      return token.value;
    };
    if (OPTIONS[name].type === 'boolean' && token.value !== undefined) throw new CommandLineError(`unknown option ${argv[token.index]}`);
    switch (name) {
      case 'help': return { ...result, command: 'help' };
      case 'version': return { ...result, command: 'version' };
      case 'format': {
        const format = value();
        if (format !== 'table' && format !== 'json' && format !== 'markdown') throw new CommandLineError(`--format must be table, json or markdown, not "${format}"`);
        result.format = format;
        break;
      }
      case 'out': result.out = value(); break;
      case 'plan': result.plan = value(); break;
      case 'usage': result.usageFile = value(); break;
      case 'usage-export': result.usageExport = value(); break;
      case 'price-file': result.priceFile = value(); break;
      case 'exclude': result.exclude.push(value()); break;
      case 'non-production': result.nonProduction.push(value()); break;
      case 'include': result.include.push(value()); break;
      case 'base': result.base = value(); break;
      case 'no-cache': result.noCache = true; break;
      case 'calls-per-month': result.callsPerMonth = positiveNumber(argument, value()); break;
      case 'fail-above': result.failAbove = positiveNumber(argument, value()); break;
      case 'data-sensitivity': {
        const sensitivity = value();
        if (!(DATA_SENSITIVITIES as readonly string[]).includes(sensitivity)) throw new CommandLineError(`--data-sensitivity must be ${DATA_SENSITIVITIES.join(' or ')}, not "${sensitivity}"`);
        result.dataSensitivity = sensitivity as DataSensitivity;
        break;
      }
      case 'fixed-cost': {
        const match = /^([\w-]+)=(\d+(?:\.\d+)?)$/.exec(value());
        if (!match) throw new CommandLineError('--fixed-cost takes id=usd, e.g. ml-engineering-self-managed=20000');
        result.fixedCosts[match[1]] = Number(match[2]);
        break;
      }
      case 'assumed-models': {
        const models = value().split(',').map((id) => id.trim()).filter(Boolean);
        const bad = models.find((id) => 'error' in parseModelId(id));
        if (models.length === 0 || bad !== undefined) throw new CommandLineError(`--assumed-models takes model ids separated by commas, e.g. gpt-4.1-mini,claude-haiku-4-5${bad !== undefined ? ` (not a model id: "${bad}")` : ''}`);
        result.assumedModels = models;
        break;
      }
      case 'model': result.model = value(); break;
      case 'precision': result.precision = value(); break;
      case 'gpu': result.gpu = value(); break;
      case 'gpus': result.gpus = positiveInteger(argument, value()); break;
      case 'context': result.context = positiveInteger(argument, value()); break;
      case 'concurrency': result.concurrency = positiveInteger(argument, value()); break;
      case 'gpu-memory-utilization': {
        const fraction = Number(value());
        if (!(fraction > 0 && fraction <= 1)) throw new CommandLineError('--gpu-memory-utilization must be a fraction in (0, 1]');
        result.gpuMemoryUtilization = fraction;
        break;
      }
    }
  }
  const [command, directory, ...rest] = positionals;
  if (command === undefined) return result;
  if (command !== 'scan' && command !== 'diff' && command !== 'size') throw new CommandLineError(`unknown command "${command}" (try scan, diff or size)`);
  if (rest.length > 0) throw new CommandLineError(`unexpected argument "${rest[0]}"`);
  if (command === 'diff' && !result.base) throw new CommandLineError('diff needs --base <git ref>');
  if (command === 'size') {
    if (directory !== undefined) throw new CommandLineError(`unexpected argument "${directory}"`);
    if (!result.model) throw new CommandLineError('size needs --model <id> (a Hugging Face repo id or a short alias like llama-3.1-8b)');
  }
  return { ...result, command, directory: directory ?? '.' };
}

function positiveInteger(option: string, text: string): number {
  const number = Number(text);
  if (!Number.isInteger(number) || number < 1) throw new CommandLineError(`${option} must be a positive whole number, not "${text}"`);
  return number;
}

function positiveNumber(option: string, text: string): number {
  const number = Number(text);
  if (!Number.isFinite(number) || number < 0) throw new CommandLineError(`${option} must be a non-negative number, not "${text}"`);
  return number;
}
