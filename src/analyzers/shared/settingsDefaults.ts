import * as path from 'node:path';
import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import type { ModuleLoader } from './modules';
import { appRoot, appSourceFilesMatching } from './nearbyFiles';
import { calledName, enclosingFunction } from './resolve';

/**
 * A settings field that names a model of its own (`claudeModel`, `apiModel`, `OCO_MODEL`, `chatModelName`): one an app's
 * default settings can be looked up by. A bare `model` (or `modelName`, `modelId`) is set on every request object, so
 * a field of that name says nothing about which object holds the app's defaults.
 */
const SPECIFIC_MODEL_FIELD = /model/i;
const GENERIC_MODEL_FIELD = /^(?:models?|model_?name|model_?id|model_?key|selected_?model|current_?model)$/i;

export function isSpecificModelField(name: string): boolean {
  return SPECIFIC_MODEL_FIELD.test(name) && !GENERIC_MODEL_FIELD.test(name);
}

/**
 * What holds an app's default settings: a name that says so (`DEFAULT_CONFIG`, `_defaultChatConfig`, `initialState`,
 * `presets`), or one that is the settings themselves (`function settings(): Settings`, `getConfig()`, `userPreferences`).
 * Not a table of the settings' keys (`settingKeys`) or a config of something else (`modelConfig`).
 */
const DEFAULTS_HOLDER = /default|initial|preset/i;
const SETTINGS_HOLDER = /^(?:get|load|read|create)?_?(?:app|user|global)?_?(?:settings?|config(?:uration)?|options|prefs|preferences)$/i;

/** A class whose instances are the app's settings (`AnthropicConfig`, `UserSettings`, `ProviderOptions`): its field initializers are the defaults. */
const SETTINGS_CLASS = /(?:config(?:uration)?|settings?|options|prefs|preferences|defaults?)$/i;

/** A store's settings part, which starts out holding the defaults: a zustand slice creator (`createSettingsSlice`), a store hook (`useSettingsStore`). */
const SETTINGS_STORE_HOLDER = /settings?(?:Slice|Store)$/i;
/** The settings object of a framework's config file: Nuxt's `runtimeConfig` (read back with `useRuntimeConfig()`) and `appConfig`. */
const FRAMEWORK_SETTINGS = /^(?:runtimeConfig|appConfig)$/;

function holdsDefaults(holder: string): boolean {
  const name = holder.replace(/\(\)$/, '');
  return DEFAULTS_HOLDER.test(name) || SETTINGS_HOLDER.test(name) || SETTINGS_STORE_HOLDER.test(name) || FRAMEWORK_SETTINGS.test(name);
}

/**
 * An object that is the user's settings by its name (`state.settings`, `getPreferences()`'s `prefs`): a field read off it,
 * even one named as generically as a request's (`settings.selectedModel`), is a setting the app's defaults give a value.
 */
const SETTINGS_OWNER = /^(?:(?:user|app)?settings|preferences|prefs)$/i;

export function isSettingsOwner(name: string): boolean {
  return SETTINGS_OWNER.test(name);
}

/** Files of the app read at most in the search. */
const MAX_FILES_READ = 3000;
/** Default values kept per field at most: an app has one default, a few when each platform keeps its own. */
const MAX_DEFAULTS = 3;

export interface SettingsDefault {
  /** The value the defaults give the field (a literal, a constant, a call the model walk can follow). */
  value: Node;
  /** What holds it, for the evidence: `DEFAULT_CONFIG`, `settings()`, `getSettings()`. */
  holder: string;
}

const FOUND = new WeakMap<ModuleLoader, Map<string, SettingsDefault[]>>();

/**
 * Where the app's own default settings set a model field the code reads without a value of its own
 * (`this.options.claudeModel`, filled from the store the settings screen edits): an object literal held by a
 * defaults-like name with that field (`export function settings(): Settings { return { claudeModel: '...' } }`,
 * `DEFAULT_CONFIG = { OCO_MODEL: getDefaultModel('openai') }`), or an assignment of it in a settings getter
 * (`if (!settings.apiModel) settings.apiModel = defaultAPIModel`). Searched in the source files of the app
 * (the package holding `from`, bounded in depth and files read); the files that set the field are parsed.
 */
export function appSettingsDefaults(field: string, from: SourceFile, modules: ModuleLoader): SettingsDefault[] {
  const root = appRoot(path.dirname(from.getFilePath()), modules.root);
  const cache = FOUND.get(modules) ?? new Map<string, SettingsDefault[]>();
  FOUND.set(modules, cache);
  const key = `${root}\0${field}`;
  const known = cache.get(key);
  // The trees a file's analysis made may be forgotten after it (to keep memory flat): found again from the files then.
  if (known && known.every((entry) => !entry.value.wasForgotten())) return known;
  const setsField = new RegExp(`(?:^|[^\\w$.])['"]?${field}['"]?\\s*:(?!:)|\\.${field}\\s*=(?!=)|^\\s*(?:(?:public|private|protected|readonly|static)\\s+)*${field}\\s*(?::[^=;\\n]+)?=(?!=)`, 'm');
  const files = appSourceFilesMatching(root, MAX_FILES_READ, (text) => text.includes(field) && setsField.test(text));
  const found: SettingsDefault[] = [];
  for (const file of files) {
    const sourceFile = modules.resolvePath(from, file);
    if (!sourceFile) continue;
    found.push(...defaultsIn(sourceFile, field));
    if (found.length >= MAX_DEFAULTS) break;
  }
  const kept = found.slice(0, MAX_DEFAULTS);
  cache.set(key, kept);
  return kept;
}

function defaultsIn(sourceFile: SourceFile, field: string): SettingsDefault[] {
  const found: SettingsDefault[] = [];
  for (const property of sourceFile.getDescendantsOfKind(SyntaxKind.PropertyAssignment)) {
    if (property.getName().replace(/^['"]|['"]$/g, '') !== field) continue;
    const holder = holderOf(property.getParentOrThrow());
    const value = property.getInitializer();
    if (holder && holdsDefaults(holder) && value) found.push({ value, holder });
  }
  // `class AnthropicConfig { ANTHROPIC_CHAT_MODEL = 'claude-3-5-haiku-latest' }`: a settings class's field initializer.
  for (const declaration of sourceFile.getDescendantsOfKind(SyntaxKind.PropertyDeclaration)) {
    if (declaration.getName() !== field || declaration.isStatic()) continue;
    const owner = declaration.getParent();
    const ownerName = (Node.isClassDeclaration(owner) || Node.isClassExpression(owner)) ? owner.getName() : undefined;
    const value = declaration.getInitializer();
    if (ownerName && SETTINGS_CLASS.test(ownerName) && value) found.push({ value, holder: ownerName });
  }
  for (const assignment of sourceFile.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    if (assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
    const left = assignment.getLeft();
    if (!Node.isPropertyAccessExpression(left) || left.getName() !== field) continue;
    const owner = left.getExpression().getText();
    const fn = enclosingFunction(assignment);
    const fnName = fn && calledName(fn);
    // `settings.apiModel = defaultAPIModel` in `getSettings()`: a settings object given its default.
    if (/settings?|config|options|prefs?|defaults?/i.test(owner) && (fnName === undefined || /settings?|config|options|defaults?/i.test(fnName))) found.push({ value: assignment.getRight(), holder: fnName ? `${fnName}()` : owner });
  }
  return found;
}

/**
 * The name of what holds an object literal: the variable it initializes (`DEFAULT_CONFIG`), the function returning it
 * (`settings()`), or, for an object nested in another, what holds the outer one.
 */
function holderOf(object: Node): string | undefined {
  let node: Node | undefined = object;
  for (let hops = 0; node && hops < 4; hops++) {
    const parent: Node | undefined = node.getParent();
    if (!parent) return undefined;
    if (Node.isVariableDeclaration(parent)) return parent.getName();
    if (Node.isPropertyDeclaration(parent)) return parent.getName();
    if (Node.isReturnStatement(parent) || (Node.isArrowFunction(parent) && parent.getBody() === node)) {
      const fn = Node.isReturnStatement(parent) ? enclosingFunction(parent) : parent;
      const name = fn && calledName(fn);
      return name ? `${name}()` : undefined;
    }
    // `defineNuxtConfig({ runtimeConfig: { llm: { apiUrl: ... } } })`: the settings a framework's config file declares.
    if (Node.isPropertyAssignment(parent) && FRAMEWORK_SETTINGS.test(parent.getName())) return parent.getName();
    if (Node.isPropertyAssignment(parent) || Node.isAsExpression(parent) || Node.isSatisfiesExpression(parent) || Node.isParenthesizedExpression(parent)) {
      node = Node.isPropertyAssignment(parent) ? parent.getParent() : parent;
      continue;
    }
    return undefined;
  }
  return undefined;
}
