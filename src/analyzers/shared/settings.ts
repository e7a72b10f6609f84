import { parseAllDocuments } from 'yaml';
import { escapeRegExp } from '../../model/regExp';
import { isDeploymentValuesFile, isDockerComposeFile, isEnvExampleFile } from '../../model/settingsFiles';
import { OLLAMA_PARALLEL_SETTING } from '../../model/vocabulary';

export { isDeploymentValuesFile, isDockerComposeFile, isEnvExampleFile };

/**
 * Workspace settings an app reads its model from: example env files (`.env.example`, `.env.sample`,
 * `.env.template`, `.env.local.example`, ...), docker-compose `environment:` blocks, and config files
 * (JSON / YAML / TOML) the code loads. Pure parsing: the scan reads the files and hands the texts in.
 *
 * Secrets: every value is filtered when it is read. Only values that look like a model id or a provider
 * URL (no credentials, no query string) are kept; everything else is dropped here and never stored,
 * logged or printed. Real `.env` / `.env.local` files are never read for values (they hold secrets).
 */

/** One kept value and where it is written (`file` relative to the scan root, 1-based `line`). */
export interface SettingValue {
  value: string;
  file: string;
  line: number;
}

/** Env variables and config keys, each with its kept values (first wins when read). */
export interface WorkspaceSettings {
  /** Env variable name → values from example env files and docker-compose, in file order. */
  env: ReadonlyMap<string, readonly SettingValue[]>;
  /**
   * Env variable name → values of commented-out example lines (`# OPENAI_MODEL='gpt-4o'`) in example env
   * files: what the docs suggest for a variable the code has no default for. Never a value the code reads.
   */
  envExamples?: ReadonlyMap<string, readonly SettingValue[]>;
  /** Config file (relative POSIX path) → dotted key (`models.fast`, `ext.model`) → value. */
  configs: ReadonlyMap<string, ReadonlyMap<string, SettingValue>>;
  /** VS Code extension settings: dotted key → default and the enum it offers (from package.json `contributes.configuration`). */
  extensionSettings: ReadonlyMap<string, { default?: SettingValue; options: SettingValue[] }>;
  /** Model lists a deployment sets as JSON in one env variable (`MODELS=[{"id": "…"}, …]`), in file order. */
  modelLists?: readonly ModelListSetting[];
  /**
   * Env variables an example env, docker-compose or deployment file sets to something (`OPENAI_KEY="YOUR_KEY"`),
   * by name → the first such file: whether a deployment following the example sets them. Names only: the values
   * (keys, among others) are never kept.
   */
  envNamesSet?: ReadonlyMap<string, string>;
  /**
   * A GitHub Action's inputs (`action.yml`, `inputs: { OPENAI_API_MODEL: { default: 'gpt-4' } }`) by name → the default,
   * kept when it is a model id or a provider URL: what `core.getInput('OPENAI_API_MODEL')` reads unless a workflow sets it.
   */
  actionInputs?: ReadonlyMap<string, SettingValue>;
}

/**
 * A deployment's list of the models the app serves, written as JSON in one env variable (chat UIs:
 * `MODELS=[{ "id": "org/model", … }, …]`). Only the entries' model ids are kept (the same filter as every
 * value); an entry's other fields (endpoints, keys, prompts) never are.
 */
export interface ModelListSetting {
  /** The env variable. */
  name: string;
  file: string;
  line: number;
  /** The entries' model ids in list order, each with its line. */
  models: SettingValue[];
  /**
   * The list's first entry names no model but a router alias (`{ "id": "omni" }`), and the same file points the
   * router at its routes file: the models that file lists, primary first (what the alias sends). Empty otherwise.
   */
  aliasModels: SettingValue[];
  /** The routes file the alias's models were read from (relative to the scan root), when there is one. */
  aliasRoutesFile?: string;
}

/** A JSON routes file a deployment points a model router at (`LLM_ROUTER_ROUTES_PATH: "config/routes.json"`). */
export interface RouterConfigPath {
  name: string;
  /** The path as the deployment writes it (relative to the app's working directory). */
  path: string;
  file: string;
  line: number;
}

/** Env variables holding a JSON model list; a router's routes file path; a router alias's id (a plain word). */
const MODEL_LIST_NAME = /MODELS|MODEL_LIST|MODEL_CONFIG/i;
const ROUTER_CONFIG_NAME = /ROUT(?:E|ER)[A-Z_]*(?:PATH|FILE)$/i;
const ALIAS_ID = /^[A-Za-z][\w.-]{0,40}$/;
/** Keys an entry of a model list names its model by, in preference order. */
const LIST_ENTRY_ID_KEYS = ['id', 'model', 'modelId', 'name'];

/**
 * An env variable's value when it is a JSON model list: an array of model ids or of objects naming one
 * (`id`, `model`, `modelId`, `name`). Undefined for anything else (invalid JSON included: nothing from it is
 * kept or quoted). `lines` is the file's text by line and `fromLine` the 1-based line the variable is set on,
 * so each entry gets the line it is written on.
 */
export function parseModelListValue(name: string, raw: unknown, file: string, lines: readonly string[], fromLine: number): Omit<ModelListSetting, 'aliasModels'> & { aliasFirst: boolean } | undefined {
  if (typeof raw !== 'string' || !MODEL_LIST_NAME.test(name)) return undefined;
  const text = raw.trim();
  if (!text.startsWith('[')) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(data)) return undefined;
  const entryId = (entry: unknown): string | undefined => {
    if (typeof entry === 'string') return entry.trim();
    if (!entry || typeof entry !== 'object') return undefined;
    for (const key of LIST_ENTRY_ID_KEYS) {
      const value = (entry as Record<string, unknown>)[key];
      if (typeof value === 'string' && value.trim()) return value.trim();
    }
    return undefined;
  };
  const ids = data.slice(0, 200).map(entryId);
  const models: SettingValue[] = [];
  for (const id of ids) {
    if (id === undefined || !looksLikeModelId(id) || models.some((model) => model.value === id)) continue;
    models.push({ value: id, file, line: lineOfValue(lines, id, fromLine) });
  }
  if (models.length === 0) return undefined;
  const first = ids[0];
  const aliasFirst = first !== undefined && !looksLikeModelId(first) && ALIAS_ID.test(first) && !CREDENTIAL_PREFIX.test(first);
  return { name, file, line: fromLine, models, aliasFirst };
}

/** An env variable pointing a model router at a JSON routes file: a relative path of plain segments, never `..`. */
export function parseRouterConfigPath(name: string, raw: unknown, file: string, line: number): RouterConfigPath | undefined {
  if (typeof raw !== 'string' || !ROUTER_CONFIG_NAME.test(name)) return undefined;
  const value = raw.trim().replace(/^\.\//, '');
  if (!/^[\w.-]+(\/[\w.-]+)*\.json$/.test(value) || value.split('/').includes('..')) return undefined;
  return { name, path: value, file, line };
}

/** The 1-based line at or after `fromLine` where a quoted value is written (else `fromLine`). */
function lineOfValue(lines: readonly string[], value: string, fromLine: number): number {
  for (let index = Math.max(0, fromLine - 1); index < lines.length; index++) if (lines[index].includes(`"${value}"`)) return index + 1;
  return fromLine;
}

/** The model lists (alias flag kept until the routes file is read) and router paths of one settings file. */
export interface ModelListsOfFile {
  lists: Array<ReturnType<typeof parseModelListValue> & object>;
  routers: RouterConfigPath[];
}

/**
 * Everything an env example, docker-compose or deployment values file gives, from one parse of its text: the
 * kept model/provider values by variable and the model lists and router paths, which are read from the raw values
 * before the per-value filter (it would drop a JSON list whole). Throws a readable error for YAML that does not parse.
 */
export function parseEnvironmentSettings(text: string, file: string, kind: 'env' | 'compose' | 'deploy'): { values: Array<[string, SettingValue]>; listed: ModelListsOfFile; setNames: string[] } {
  const lines = text.split(/\r?\n/);
  if (kind === 'env') {
    const assignments = envAssignments(lines);
    const setNames = assignments.filter(({ raw }) => envLineValue(raw) !== '').map(({ name }) => name);
    return { values: keptEnvValues(assignments, file), listed: modelListsOf(assignments.map(({ name, raw }) => [name, unquote(raw)]), lines, file), setNames };
  }
  const entries = kind === 'compose' ? composeEnvironment(text) : deploymentEnvironment(text);
  const setNames = entries.filter(([name, raw]) => typeof name === 'string' && raw !== undefined && raw !== null && String(raw) !== '').map(([name]) => name as string);
  return { values: kind === 'compose' ? keptComposeValues(entries, lines, file) : keptDeploymentValues(entries, lines, file), listed: modelListsOf(entries, lines, file), setNames };
}

/** The model lists and router paths among a file's raw env entries. */
function modelListsOf(entries: ReadonlyArray<readonly [unknown, unknown]>, lines: readonly string[], file: string): ModelListsOfFile {
  const lists: Array<ReturnType<typeof parseModelListValue> & object> = [];
  const routers: RouterConfigPath[] = [];
  for (const [name, raw] of entries) {
    if (typeof name !== 'string' || !/^[A-Za-z_]\w*$/.test(name)) continue;
    const line = lineOfName(lines, name);
    const list = parseModelListValue(name, raw, file, lines, line);
    if (list) lists.push(list);
    const router = parseRouterConfigPath(name, raw, file, line);
    if (router) routers.push(router);
  }
  return { lists, routers };
}

/** The 1-based line a variable is set on (`NAME=`, `NAME:`, `- name: NAME`), else 1. */
function lineOfName(lines: readonly string[], name: string): number {
  const pattern = new RegExp(`^\\s*(?:export\\s+)?(?:-\\s*(?:name:\\s*)?)?["']?${name}["']?\\s*[:=]`);
  const index = lines.findIndex((line) => pattern.test(line));
  return index >= 0 ? index + 1 : 1;
}

export const EMPTY_SETTINGS: WorkspaceSettings = { env: new Map(), configs: new Map(), extensionSettings: new Map() };

/** Largest settings file read; larger ones are data, not configuration. */
export const MAX_SETTINGS_FILE_BYTES = 256 * 1024;

/** Variable names that select a model, a provider or an endpoint: the only ones kept. */
const MODEL_SETTING_NAME = /MODEL|LLM|PROVIDER|ENGINE|DEPLOYMENT|BASE_?URL|BASE_?PATH|ENDPOINT|API_?BASE|API_?URL|HOST|SERVER_?URL/i;

/** Prefixes of credentials from well-known services; a value starting with one is never a model id. */
const CREDENTIAL_PREFIX = /^(sk-|sk_|pk-|pk_|rk-|ak-|AKIA|ASIA|ghp_|gho_|ghs_|github_pat_|xox[abpr]-|AIza|hf_|r8_|gsk_|pplx-|csk-|fw_|nvapi-|key-|Bearer\s)/i;

/** Words model ids are made of, so a setting like `production` or `true` is not taken for one. */
const MODEL_WORD = /gpt|(^|[^a-z])o\d|claude|gemini|gemma|llama|mistral|mixtral|codestral|qwen|deepseek|phi-?\d|command-|sonar|grok|kimi|glm|minimax|nova-|titan|embed|whisper|dall-e|tts-|flux|stable-diffusion|sdxl|jamba|falcon|nemotron|granite|olmo|hermes|starcoder|codellama|dbrx|moonshot|bison|davinci|babbage|text-|instruct|coder|turbo|sonnet|opus|haiku|flash|minilm|mpnet|bge-|nomic|mxbai|voyage|jina/i;

/**
 * True when a value is shaped like a model id (`gpt-4o-mini`, `anthropic/claude-3-5-sonnet`,
 * `openai:gpt-4o`, `llama3:8b`, `us.anthropic.claude-3-haiku-20240307-v1:0`) and not like a credential:
 * no known key prefix, no URL, no `user:pass@`, no long random run of characters.
 */
export function looksLikeModelId(value: string): boolean {
  const text = value.trim();
  // A family word plus a version or a separator: `gpt-4o`, `llama3`, `sonar-pro`; not `production`.
  return shapedLikeAnId(text) && MODEL_WORD.test(text) && /[\d:/-]/.test(text);
}

/**
 * An id of a model whose family the word list does not know (`abab5.5-chat`): id-shaped, no credential, and versioned
 * (a digit); not an app's own name for a backend (`textgen_webui`, `mancer`).
 */
export function looksLikeVersionedId(value: string): boolean {
  const text = value.trim();
  return shapedLikeAnId(text) && /\d/.test(text) && !/_/.test(text);
}

function shapedLikeAnId(text: string): boolean {
  if (text.length < 2 || text.length > 100) return false;
  if (!/^[A-Za-z0-9][A-Za-z0-9._:/@-]*$/.test(text)) return false;
  if (CREDENTIAL_PREFIX.test(text) || /:\/\//.test(text) || /@.*:|:.*@/.test(text)) return false;
  // A key or token: a long run without separators that mixes letters and digits.
  // Base64 keys (AWS secret access keys) split on `/` into short runs: mixed case and digits with no `-` or `.`.
  if (text.length >= 24 && !/[-.]/.test(text) && /[a-z]/.test(text) && /[A-Z]/.test(text) && /\d/.test(text)) return false;
  for (const run of text.split(/[._:/@-]/)) {
    if (run.length >= 20 && /\d/.test(run) && /[A-Za-z]/.test(run)) return false;
    if (run.length >= 32) return false;
  }
  return true;
}

/**
 * True for an http(s) endpoint without credentials or a query string (`https://api.groq.com/openai/v1`,
 * `http://localhost:11434`): the only URLs kept, since a query or userinfo may carry a key.
 */
export function looksLikeProviderUrl(value: string): boolean {
  const text = value.trim();
  if (text.length > 200 || !/^https?:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~/-]*)?$/.test(text)) return false;
  // A path segment that is a long random run is a token in the URL.
  return !text.split('/').slice(3).some((segment) => segment.length >= 24 && /\d/.test(segment) && /[A-Za-z]/.test(segment));
}

/** A setting that chooses the provider (`LLM_PROVIDER`, `defaults.llm_provider`, `embeddingProvider`), by its name. */
const PROVIDER_CHOICE_NAME = /provider$/i;
/** Its value: a provider's short lowercase name (`gemini`, `openai`, `lm-studio`); nothing that could be a credential. */
const PROVIDER_CHOICE_VALUE = /^[a-z][a-z0-9-]{1,23}$/;

/**
 * A value worth keeping for a setting: a model id, a provider URL, or the name of the provider a setting named for
 * that choice picks (so a factory's `if (LLM_PROVIDER === 'openai')` branch can be read against it).
 */
export function keepSettingValue(value: string, name = ''): boolean {
  return looksLikeModelId(value) || looksLikeProviderUrl(value) || (PROVIDER_CHOICE_NAME.test(name) && PROVIDER_CHOICE_VALUE.test(value));
}

/** Settings of a model server the team runs that change what its hardware costs: kept as small whole numbers only. */
export const SERVING_SETTING_NAMES: readonly string[] = [OLLAMA_PARALLEL_SETTING];

/**
 * Whether a `name=value` of a settings file is kept: a model or provider setting (keepSettingValue; a provider
 * choice by name only where `choices`, as example env files are read), or a serving setting's count.
 */
function keptSetting(name: string, value: string, choices: boolean): boolean {
  if (SERVING_SETTING_NAMES.includes(name)) return /^[1-9]\d{0,2}$/.test(value);
  return MODEL_SETTING_NAME.test(name) && keepSettingValue(value, choices ? name : '');
}

/** The `NAME=value` lines of an env file (`export` allowed), with the value as written and the 1-based line. */
function envAssignments(lines: readonly string[]): Array<{ name: string; raw: string; line: number }> {
  return lines.flatMap((line, index) => {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    return match ? [{ name: match[1], raw: match[2], line: index + 1 }] : [];
  });
}

/** The value of a `NAME=value` line's right-hand side: a trailing comment dropped, quotes removed. */
function envLineValue(raw: string): string {
  return unquote(raw.replace(/\s+#.*$/, ''));
}

/** `NAME=value` lines of an env file (comments, `export`, quotes): only model/provider settings with kept values. */
function keptEnvValues(assignments: ReadonlyArray<{ name: string; raw: string; line: number }>, file: string): Array<[string, SettingValue]> {
  const kept: Array<[string, SettingValue]> = [];
  for (const { name, raw, line } of assignments) {
    const value = envLineValue(raw);
    if (value && keptSetting(name, value, true)) kept.push([name, { value, file, line }]);
  }
  return kept;
}

/**
 * Commented-out `# NAME=value` lines of an example env file (upper-case names only, so prose is not read):
 * only model/provider settings with kept values, the same filter as `NAME=value` lines.
 */
export function parseEnvExampleComments(text: string, file: string): Array<[string, SettingValue]> {
  const kept: Array<[string, SettingValue]> = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const match = /^\s*#+\s*(?:export\s+)?([A-Z_][A-Z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || !MODEL_SETTING_NAME.test(match[1])) return;
    const value = unquote(match[2].replace(/\s+#.*$/, ''));
    if (value && keepSettingValue(value, match[1])) kept.push([match[1], { value, file, line: index + 1 }]);
  });
  return kept;
}

/** `environment:` of each docker-compose service, as a map or a `- NAME=value` list; same filter as env files. */
function keptComposeValues(entries: ReadonlyArray<readonly [unknown, unknown]>, lines: readonly string[], file: string): Array<[string, SettingValue]> {
  const kept: Array<[string, SettingValue]> = [];
  const lineOf = (name: string): number => {
    const index = lines.findIndex((line) => new RegExp(`^\\s*-?\\s*["']?${name}["']?\\s*[:=]`).test(line));
    return index >= 0 ? index + 1 : 1;
  };
  for (const [name, raw] of entries) {
    if (typeof name !== 'string' || (typeof raw !== 'string' && typeof raw !== 'number')) continue;
    // `${OPENAI_MODEL:-gpt-4o}`: the default after `:-`.
    const text = String(raw).replace(/^\$\{[A-Za-z_]\w*:?-([^}]*)\}$/, '$1');
    if (keptSetting(name, text, false)) kept.push([name, { value: text, file, line: lineOf(name) }]);
  }
  return kept;
}

/** `environment:` entries of every docker-compose service (a map or a `- NAME=value` list), raw. */
function composeEnvironment(text: string): Array<[string, unknown]> {
  const entries: Array<[string, unknown]> = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) throw new Error(yamlProblem(document.errors[0]));
    const services = (document.toJS() as { services?: Record<string, { environment?: unknown }> } | null)?.services;
    for (const service of Object.values(services ?? {})) {
      const environment = service?.environment;
      if (Array.isArray(environment)) {
        for (const entry of environment) {
          const match = typeof entry === 'string' ? /^([A-Za-z_]\w*)=(.*)$/.exec(entry) : null;
          if (match) entries.push([match[1], match[2]]);
        }
      } else if (environment && typeof environment === 'object') {
        entries.push(...Object.entries(environment));
      }
    }
  }
  return entries;
}

/** Keys of a deployment values file that hold the container's env variables. */
const DEPLOYMENT_ENV_KEYS = ['envVars', 'env', 'extraEnv', 'extraEnvVars', 'environment', 'envs'];

/**
 * The env variables a deployment values file sets: a top-level (or one level down, per service) `envVars:` /
 * `env:` / `extraEnv:` map of `NAME: value`, or a list of `{ name, value }`. Same filter as env files: only
 * model/provider settings whose values look like model ids or provider URLs are kept.
 */
function keptDeploymentValues(entries: ReadonlyArray<readonly [unknown, unknown]>, lines: readonly string[], file: string): Array<[string, SettingValue]> {
  const kept: Array<[string, SettingValue]> = [];
  const lineOf = (name: string): number => {
    const index = lines.findIndex((line) => new RegExp(`^\\s*(?:-\\s*name:\\s*)?["']?${name}["']?\\s*:?`).test(line) && line.includes(name));
    return index >= 0 ? index + 1 : 1;
  };
  for (const [name, raw] of entries) {
    if (typeof name !== 'string' || !/^[A-Za-z_]\w*$/.test(name)) continue;
    if (typeof raw !== 'string' && typeof raw !== 'number') continue;
    const value = String(raw).trim();
    if (keptSetting(name, value, false)) kept.push([name, { value, file, line: lineOf(name) }]);
  }
  return kept;
}

/** The env entries of a deployment values file (`envVars:` / `env:` maps or `{ name, value }` lists, top level or one level down), raw. */
function deploymentEnvironment(text: string): Array<[unknown, unknown]> {
  const entries: Array<[unknown, unknown]> = [];
  const readEnv = (env: unknown): void => {
    if (Array.isArray(env)) {
      for (const entry of env) if (entry && typeof entry === 'object') entries.push([(entry as { name?: unknown }).name, (entry as { value?: unknown }).value]);
    } else if (env && typeof env === 'object') {
      entries.push(...Object.entries(env));
    }
  };
  const root = parseYaml(text);
  if (!root || typeof root !== 'object') return entries;
  const sections = [root, ...Object.values(root).filter((value) => value && typeof value === 'object' && !Array.isArray(value))];
  for (const section of sections) for (const key of DEPLOYMENT_ENV_KEYS) readEnv((section as Record<string, unknown>)[key]);
  return entries;
}

/**
 * The keys of a JSON, YAML or TOML config file whose values look like model ids or provider URLs, by
 * dotted path (`models.fast`, `llm.model`, `providers.0.model`). Throws a readable error for a file
 * that does not parse.
 */
export function parseConfigFile(text: string, file: string): Map<string, SettingValue> {
  return keptConfigValues(parseConfigData(text, file), text, file);
}

/**
 * A config file loaded as a module, from one parse of its text: its kept values (`parseConfigFile`) and the map
 * entries beside them (`configMapEntries`). Throws a readable error for a file that does not parse.
 */
export function parseConfigModule(text: string, file: string): { kept: Map<string, SettingValue>; mapEntries: string[] } {
  const data = parseConfigData(text, file);
  const kept = keptConfigValues(data, text, file);
  return { kept, mapEntries: configMapEntries(data, kept) };
}

function keptConfigValues(data: unknown, text: string, file: string): Map<string, SettingValue> {
  const lines = text.split(/\r?\n/);
  const kept = new Map<string, SettingValue>();
  const visit = (value: unknown, keyPath: string[]): void => {
    if (keyPath.length > 8) return;
    if (typeof value === 'string') {
      const key = keyPath[keyPath.length - 1] ?? '';
      if (!keepSettingValue(value, key)) return;
      const index = lines.findIndex((line) => line.includes(value) && (key === '' || /^\d+$/.test(key) || line.includes(key)));
      kept.set(keyPath.join('.'), { value, file, line: index >= 0 ? index + 1 : 1 });
    } else if (Array.isArray(value)) {
      value.slice(0, 200).forEach((item, index) => visit(item, [...keyPath, String(index)]));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value).slice(0, 500)) visit(item, [...keyPath, key]);
    }
  };
  visit(data, []);
  return kept;
}

function parseConfigData(text: string, file: string): unknown {
  const lower = file.toLowerCase();
  return lower.endsWith('.toml') ? parseToml(text) : lower.endsWith('.json') ? parseJson(text) : parseYaml(text);
}

/** A key safe to repeat in the module a config file is loaded as: a short plain name, never credential-shaped. */
function isPlainKeyName(key: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]{0,39}$/.test(key) && !CREDENTIAL_PREFIX.test(key) && !key.split(/[_-]/).some((run) => run.length >= 20 && /\d/.test(run));
}

/**
 * The entries of a config file's maps that hold no kept value but sit beside ones that do: `tools.coder` beside
 * `tools.finalizer.model` in `{ "tools": { "coder": { "temperature": 0.7 }, "finalizer": { "model": "x" } } }`.
 * The code picks among such entries by a key (`tools[toolName].model ?? defaults.model`), so how many entries
 * set the key tells which value most picks send. Only object-valued entries with plain names are listed (dotted
 * paths, in file order); their contents are never kept.
 */
function configMapEntries(data: unknown, kept: ReadonlyMap<string, SettingValue>): string[] {
  const parents = new Set<string>();
  for (const key of kept.keys()) {
    const parts = key.split('.');
    for (let length = 1; length < parts.length; length++) parents.add(parts.slice(0, length - 1).join('.'));
  }
  const entries: string[] = [];
  const keptPrefixes = new Set([...kept.keys()].flatMap((key) => key.split('.').map((_, index, parts) => parts.slice(0, index + 1).join('.'))));
  for (const parent of parents) {
    let node: unknown = data;
    for (const part of parent === '' ? [] : parent.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    if (!node || typeof node !== 'object' || Array.isArray(node)) continue;
    for (const [name, value] of Object.entries(node).slice(0, 500)) {
      const path = parent === '' ? name : `${parent}.${name}`;
      if (value && typeof value === 'object' && !Array.isArray(value) && !keptPrefixes.has(path) && isPlainKeyName(name)) entries.push(path);
    }
  }
  return entries;
}

/**
 * `contributes.configuration` of a VS Code extension's package.json: each setting's `default` and
 * `enum` when they look like model ids or URLs. Empty for any other package.json.
 */
export function parseExtensionSettings(text: string, file: string): Map<string, { default?: SettingValue; options: SettingValue[] }> {
  const found = new Map<string, { default?: SettingValue; options: SettingValue[] }>();
  const manifest = parseJson(text) as { contributes?: { configuration?: unknown } } | null;
  const configuration = manifest?.contributes?.configuration;
  if (!configuration) return found;
  const lines = text.split(/\r?\n/);
  const lineOf = (needle: string, after = 0): number => {
    const index = lines.findIndex((line, at) => at >= after && line.includes(needle));
    return index >= 0 ? index + 1 : 1;
  };
  for (const section of Array.isArray(configuration) ? configuration : [configuration]) {
    const properties = (section as { properties?: Record<string, { default?: unknown; enum?: unknown }> } | null)?.properties ?? {};
    for (const [key, property] of Object.entries(properties)) {
      const at = lineOf(`"${key}"`) - 1;
      const entry: { default?: SettingValue; options: SettingValue[] } = { options: [] };
      if (typeof property?.default === 'string' && keepSettingValue(property.default)) entry.default = { value: property.default, file, line: lineOf(`"${property.default}"`, at) };
      if (Array.isArray(property?.enum)) {
        for (const option of property.enum) if (typeof option === 'string' && keepSettingValue(option)) entry.options.push({ value: option, file, line: lineOf(`"${option}"`, at) });
      }
      if (entry.default || entry.options.length > 0) found.set(key, entry);
    }
  }
  return found;
}

/** A GitHub Action's metadata file: `action.yml` or `action.yaml`, at the root of the action. */
export function isActionMetadataFile(name: string): boolean {
  return name === 'action.yml' || name === 'action.yaml';
}

/** The defaults of a GitHub Action's inputs that are model ids or provider URLs (see `WorkspaceSettings.actionInputs`). */
export function parseActionInputs(text: string, file: string): Map<string, SettingValue> {
  const found = new Map<string, SettingValue>();
  const [document] = parseAllDocuments(text);
  const inputs = document && !('errors' in document && document.errors.length > 0) ? (document.toJSON() as { inputs?: Record<string, { default?: unknown } | null> } | null)?.inputs : undefined;
  if (!inputs || typeof inputs !== 'object') return found;
  const lines = text.split(/\r?\n/);
  for (const [name, input] of Object.entries(inputs)) {
    const value = input?.default;
    if (typeof value !== 'string' || !keepSettingValue(value)) continue;
    const declared = lines.findIndex((line) => new RegExp(`^\\s*['"]?${escapeRegExp(name)}['"]?\\s*:`).test(line));
    const defaultLine = lines.findIndex((line, at) => at > declared && /^\s*default\s*:/.test(line) && line.includes(value));
    found.set(name, { value, file, line: (defaultLine >= 0 ? defaultLine : Math.max(declared, 0)) + 1 });
  }
  return found;
}

function unquote(text: string): string {
  const match = /^(["'`])(.*)\1$/.exec(text);
  return match ? match[2] : text;
}

/** The 1-based line of a character offset in a text. */
export function lineAtOffset(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // Node's message quotes the text around the error, which may be a secret: keep only where it is.
    const position = /position (\d+)/.exec((error as Error).message);
    const line = position ? lineAtOffset(text, Number(position[1])) : undefined;
    throw new Error(`invalid JSON${line ? ` near line ${line}` : ''}`);
  }
}

/** A YAML error without the excerpt of the file the library appends (it may hold a secret). */
function yamlProblem(error: { linePos?: Array<{ line: number }> }): string {
  const line = error.linePos?.[0]?.line;
  return `invalid YAML${line ? ` near line ${line}` : ''}`;
}

function parseYaml(text: string): unknown {
  const documents = parseAllDocuments(text);
  const first = Array.isArray(documents) ? documents[0] : documents;
  if (!first) return null;
  if (first.errors.length > 0) throw new Error(yamlProblem(first.errors[0]));
  return first.toJS();
}

/**
 * The subset of TOML config files use for model settings: `[table]` / `[a.b]` headers and
 * `key = "string"` / `key = 'string'` pairs. Other values (numbers, arrays, inline tables) are skipped.
 */
function parseToml(text: string): unknown {
  const root: Record<string, unknown> = {};
  let table = root;
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const header = /^\[\[?\s*([A-Za-z0-9_.\-"' ]+?)\s*\]\]?$/.exec(trimmed);
    if (header) {
      table = root;
      for (const part of header[1].split('.').map((name) => unquote(name.trim()))) {
        const next = table[part];
        table = (table[part] = next && typeof next === 'object' ? next : {}) as Record<string, unknown>;
      }
      return;
    }
    const pair = /^([A-Za-z0-9_\-"'.]+)\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*')\s*(#.*)?$/.exec(trimmed);
    if (pair) {
      table[unquote(pair[1])] = unquote(pair[2]);
      return;
    }
    if (!/^[A-Za-z0-9_\-"'.]+\s*=/.test(trimmed)) throw new Error(`invalid TOML at line ${index + 1}`);
  });
  return root;
}
