import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../model/types';
import { IGNORED_DIRECTORIES } from './files';
import { isDeploymentValuesFile, isDockerComposeFile, isEnvExampleFile, MAX_SETTINGS_FILE_BYTES, parseDeploymentValues, parseConfigFile, parseDockerCompose, parseEnvExample, parseEnvExampleComments, parseExtensionSettings, type SettingValue, type WorkspaceSettings } from '../analyzers';

/** How deep below the root settings files are looked for (monorepos keep them in `apps/web/`). */
const MAX_SETTINGS_DEPTH = 4;
/** Folders looked into at most, so a huge tree costs a bounded walk. */
const MAX_SETTINGS_FOLDERS = 2000;

/** Config files an app commonly reads its models from (by base name). */
const CONFIG_FILE = /^((config|settings|llm|llms|models?|ai|agents?|providers?)(\.[\w-]+)?|[\w.-]*[.-](config|settings))\.(json|ya?ml|toml)$/i;
/** Tool configs that match the pattern but never hold an app's models. */
const TOOL_CONFIG = /^(tsconfig|jsconfig|package|package-lock|composer|renovate|biome|turbo|lerna|nx|vercel|netlify|firebase|app\.json|eslint|prettier|babel|jest|vitest|playwright|cypress|tailwind|postcss|next|nuxt|vite|webpack|rollup|svelte|astro|codegen|components)\b/i;

/**
 * Finds the workspace's example env files, docker-compose files, model config files and the VS Code
 * extension manifest, reads each once (size-capped) and keeps only model ids and provider URLs. A file
 * that is invalid, too large, binary or a link out of the workspace gives a diagnostic and is skipped.
 * Real `.env` files are never opened.
 */
export async function loadWorkspaceSettings(root: string, signal?: AbortSignal): Promise<{ settings: WorkspaceSettings; diagnostics: Diagnostic[] }> {
  const env = new Map<string, SettingValue[]>();
  const envExamples = new Map<string, SettingValue[]>();
  const configs = new Map<string, Map<string, SettingValue>>();
  const extensionSettings = new Map<string, { default?: SettingValue; options: SettingValue[] }>();
  const diagnostics: Diagnostic[] = [];
  const found: Array<{ absolute: string; relative: string; kind: 'env' | 'compose' | 'deploy' | 'config' | 'manifest' }> = [];
  let folders = 0;
  const walk = async (folder: string, depth: number): Promise<void> => {
    if (folders++ >= MAX_SETTINGS_FOLDERS) return;
    signal?.throwIfAborted();
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (depth < MAX_SETTINGS_DEPTH && !IGNORED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) await walk(absolute, depth + 1);
        continue;
      }
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      const relative = path.relative(root, absolute).split(path.sep).join('/');
      const kind = isEnvExampleFile(entry.name) ? 'env' : isDockerComposeFile(entry.name) ? 'compose' : isDeploymentValuesFile(relative) ? 'deploy' : CONFIG_FILE.test(entry.name) && !TOOL_CONFIG.test(entry.name) ? 'config' : entry.name === 'package.json' && depth === 0 ? 'manifest' : undefined;
      if (kind) found.push({ absolute, relative, kind });
    }
  };
  await walk(root, 0);
  const realRoot = await fs.realpath(root).catch(() => root);
  for (const file of found) {
    try {
      const real = await fs.realpath(file.absolute);
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) throw new Error('links outside the workspace; not read');
      const stat = await fs.stat(real);
      if (stat.size > MAX_SETTINGS_FILE_BYTES) throw new Error(`larger than ${MAX_SETTINGS_FILE_BYTES / 1024} KB; not read`);
      const bytes = await fs.readFile(real);
      if (bytes.includes(0)) throw new Error('binary content; not read');
      const text = bytes.toString('utf8');
      // A Helm or Jinja template (`{{ .Values.x }}`) is not configuration until rendered: skipped without a warning.
      if (file.kind !== 'env' && /\.ya?ml$/i.test(file.relative) && text.includes('{{')) continue;
      if (file.kind === 'env' || file.kind === 'compose' || file.kind === 'deploy') {
        for (const [name, value] of file.kind === 'env' ? parseEnvExample(text, file.relative) : file.kind === 'compose' ? parseDockerCompose(text, file.relative) : parseDeploymentValues(text, file.relative)) {
          const values = env.get(name) ?? [];
          values.push(value);
          env.set(name, values);
        }
        if (file.kind === 'env') {
          for (const [name, value] of parseEnvExampleComments(text, file.relative)) envExamples.set(name, [...(envExamples.get(name) ?? []), value]);
        }
      } else if (file.kind === 'config') {
        const kept = parseConfigFile(text, file.relative);
        if (kept.size > 0) configs.set(file.relative, kept);
      } else {
        for (const [key, value] of parseExtensionSettings(text, file.relative)) extensionSettings.set(key, value);
      }
    } catch (error) {
      // The message names the file and the problem only: never a value from it.
      diagnostics.push({ file: file.relative, message: `settings file skipped: ${(error as Error).message}`, severity: 'warning' });
    }
  }
  // Example files nearer the root come first: `.env.example` before `apps/web/.env.example`.
  for (const values of env.values()) values.sort((a, b) => a.file.split('/').length - b.file.split('/').length);
  for (const values of envExamples.values()) values.sort((a, b) => a.file.split('/').length - b.file.split('/').length);
  return { settings: { env, envExamples, configs, extensionSettings }, diagnostics };
}
