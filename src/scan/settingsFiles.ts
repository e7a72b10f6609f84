import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../model/types';
import { createSlicer, IGNORED_DIRECTORIES } from './files';
import { isModelConfigFile } from '../model/settingsFiles';
import { isActionMetadataFile, isDeploymentValuesFile, isDockerComposeFile, isEnvExampleFile, MAX_SETTINGS_FILE_BYTES, parseActionInputs, parseConfigFile, parseEnvExampleComments, parseEnvironmentSettings, parseExtensionSettings, looksLikeModelId, type ModelListSetting, type ModelListsOfFile, type RouterConfigPath, type SettingValue, type WorkspaceSettings } from '../analyzers/shared/settings';

/** How deep below the root settings files are looked for (monorepos keep them in `apps/web/`). */
const MAX_SETTINGS_DEPTH = 4;
/** Folders looked into at most, so a huge tree costs a bounded walk. */
const MAX_SETTINGS_FOLDERS = 2000;

/** The workspace's settings, and what could not be read. */
export interface LoadedSettings {
  settings: WorkspaceSettings;
  diagnostics: Diagnostic[];
}

/**
 * Finds the workspace's example env files, docker-compose files, model config files and the VS Code
 * extension manifest, reads each once (size-capped) and keeps only model ids and provider URLs. A file
 * that is invalid, too large, binary or a link out of the workspace gives a diagnostic and is skipped.
 * Real `.env` files are never opened. The file system is read synchronously, in slices (createSlicer): a
 * promise per folder and per file left the editor's re-scan waiting on the thread pool (0.8 ms median, 7 ms
 * at the p95 on a busy machine, for a seven-file workspace).
 */
export async function loadWorkspaceSettings(root: string, signal?: AbortSignal): Promise<LoadedSettings> {
  const env = new Map<string, SettingValue[]>();
  const envExamples = new Map<string, SettingValue[]>();
  const envNamesSet = new Map<string, string>();
  const configs = new Map<string, Map<string, SettingValue>>();
  const extensionSettings = new Map<string, { default?: SettingValue; options: SettingValue[] }>();
  const diagnostics: Diagnostic[] = [];
  const actionInputs = new Map<string, SettingValue>();
  const found: Array<{ absolute: string; relative: string; kind: 'env' | 'compose' | 'deploy' | 'config' | 'manifest' | 'action' }> = [];
  const lists: ModelListsOfFile['lists'] = [];
  const routers: RouterConfigPath[] = [];
  // JSON files by base name (paths only): where a routes file a deployment names is in the source tree.
  const jsonFiles = new Map<string, string[]>();
  let folders = 0;
  const pause = createSlicer();
  const walk = async (folder: string, depth: number): Promise<void> => {
    if (folders++ >= MAX_SETTINGS_FOLDERS) return;
    signal?.throwIfAborted();
    await pause();
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      entries = [];
    }
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (depth < MAX_SETTINGS_DEPTH && !IGNORED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) await walk(absolute, depth + 1);
        continue;
      }
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      const relative = path.relative(root, absolute).split(path.sep).join('/');
      if (/\.json$/i.test(entry.name)) jsonFiles.set(entry.name, [...(jsonFiles.get(entry.name) ?? []), relative]);
      const kind = isEnvExampleFile(entry.name) ? 'env' : isDockerComposeFile(entry.name) ? 'compose' : isDeploymentValuesFile(relative) ? 'deploy' : isModelConfigFile(entry.name) ? 'config' : entry.name === 'package.json' && depth === 0 ? 'manifest' : isActionMetadataFile(entry.name) ? 'action' : undefined;
      if (kind) found.push({ absolute, relative, kind });
    }
  };
  await walk(root, 0);
  const realRoot = realPathOr(root, root);
  for (const file of found) {
    await pause();
    try {
      // The native realpath: its error messages are the promise API's (the JavaScript one's name lstat).
      const real = fs.realpathSync.native(file.absolute);
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) throw new Error('links outside the workspace; not read');
      const stat = fs.statSync(real);
      if (stat.size > MAX_SETTINGS_FILE_BYTES) throw new Error(`larger than ${MAX_SETTINGS_FILE_BYTES / 1024} KB; not read`);
      const bytes = fs.readFileSync(real);
      if (bytes.includes(0)) throw new Error('binary content; not read');
      const text = bytes.toString('utf8');
      // A Helm or Jinja template (`{{ .Values.x }}`) is not configuration until rendered: skipped without a warning.
      if (file.kind !== 'env' && /\.ya?ml$/i.test(file.relative) && text.includes('{{')) continue;
      if (file.kind === 'env' || file.kind === 'compose' || file.kind === 'deploy') {
        const { values: kept, listed, setNames } = parseEnvironmentSettings(text, file.relative, file.kind);
        for (const name of setNames) if (!envNamesSet.has(name)) envNamesSet.set(name, file.relative);
        for (const [name, value] of kept) {
          const values = env.get(name) ?? [];
          values.push(value);
          env.set(name, values);
        }
        lists.push(...listed.lists);
        routers.push(...listed.routers);
        if (file.kind === 'env') {
          for (const [name, value] of parseEnvExampleComments(text, file.relative)) envExamples.set(name, [...(envExamples.get(name) ?? []), value]);
        }
      } else if (file.kind === 'action') {
        // An action at the root first: a nested action's input of the same name does not replace it.
        const depthOf = (relative: string): number => relative.split('/').length;
        for (const [name, value] of parseActionInputs(text, file.relative)) {
          const kept = actionInputs.get(name);
          if (!kept || depthOf(kept.file) > depthOf(file.relative)) actionInputs.set(name, value);
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
  const modelLists: ModelListSetting[] = [];
  for (const { aliasFirst, ...list } of lists) {
    // The alias's routes file: the one the same deployment file names (a router aliases only its own routes).
    const router = aliasFirst ? routers.find((candidate) => candidate.file === list.file) : undefined;
    const routes = router ? readRoutesFile(realRoot, router, jsonFiles, diagnostics) : undefined;
    modelLists.push({ ...list, aliasModels: routes?.models ?? [], ...(routes ? { aliasRoutesFile: routes.file } : {}) });
  }
  return { settings: { env, envExamples, configs, extensionSettings, ...(modelLists.length > 0 ? { modelLists } : {}), ...(envNamesSet.size > 0 ? { envNamesSet } : {}), ...(actionInputs.size > 0 ? { actionInputs } : {}) }, diagnostics };
}

/**
 * The model ids a router's routes file lists, in file order (the first route's primary model first). The path is
 * the one the deployment runs with, often into the build output (`build/client/chat/x/routes.json` is the copy
 * of `static/x/routes.json`): the file at that path, else the one file of that name whose folders match the
 * path's end the furthest. Read with the settings files' limits; only values that look like model ids are kept.
 */
function readRoutesFile(realRoot: string, router: RouterConfigPath, jsonFiles: ReadonlyMap<string, string[]>, diagnostics: Diagnostic[]): { file: string; models: SettingValue[] } | undefined {
  const wanted = router.path.split('/');
  const sameName = jsonFiles.get(wanted[wanted.length - 1]) ?? [];
  const matching = (candidate: string): number => {
    const parts = candidate.split('/');
    let length = 0;
    while (length < parts.length && length < wanted.length && parts[parts.length - 1 - length] === wanted[wanted.length - 1 - length]) length++;
    return length;
  };
  const ranked = sameName.map((candidate) => ({ candidate, length: matching(candidate) })).sort((a, b) => b.length - a.length);
  const exact = ranked.find((entry) => entry.length === wanted.length && entry.candidate.split('/').length === wanted.length);
  const best = exact ?? (ranked.length === 1 || (ranked.length > 1 && ranked[0].length > ranked[1].length) ? ranked[0] : undefined);
  if (!best) return undefined;
  try {
    const real = fs.realpathSync.native(path.join(realRoot, best.candidate));
    if (!real.startsWith(realRoot + path.sep)) throw new Error('links outside the workspace; not read');
    const stat = fs.statSync(real);
    if (stat.size > MAX_SETTINGS_FILE_BYTES) throw new Error(`larger than ${MAX_SETTINGS_FILE_BYTES / 1024} KB; not read`);
    const models: SettingValue[] = [];
    for (const value of parseConfigFile(fs.readFileSync(real, 'utf8'), best.candidate).values()) {
      if (looksLikeModelId(value.value) && !models.some((model) => model.value === value.value)) models.push(value);
    }
    return models.length > 0 ? { file: best.candidate, models } : undefined;
  } catch (error) {
    diagnostics.push({ file: best.candidate, message: `settings file skipped: ${(error as Error).message}`, severity: 'warning' });
    return undefined;
  }
}

function realPathOr(file: string, fallback: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return fallback;
  }
}
