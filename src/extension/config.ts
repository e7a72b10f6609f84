import * as vscode from 'vscode';
import { BUILTIN_CALLS_PER_MONTH, MODEL_ID_PATTERN, type DataSensitivity } from '../model/vocabulary';

/** The `llmHostingAdvisor.*` settings, typed. Defaults match package.json `contributes.configuration`. */
export const CONFIG_SECTION = 'llmHostingAdvisor';

export interface AdvisorConfig {
  /** Calls per month assumed for a call site with no usage file entry or annotation. */
  defaultCallsPerMonth: number;
  codeLensEnabled: boolean;
  hoverEnabled: boolean;
  /** Regulated data (healthcare, legal, finance) rules out third-party APIs. */
  dataSensitivity: DataSensitivity;
  /** Where "Refresh Prices" downloads the public price file from (only on that explicit command). */
  priceFileUrl: string;
  /** Monthly fixed costs of self-hosting replacing the catalog's defaults, by row id (`ml-engineering-self-managed`). */
  fixedCosts: Record<string, number>;
  /** Models a user-chosen model is priced against when the app offers no list; empty: data/catalog/assumed-models.json per provider. */
  assumedModels: string[];
  /** Globs of code that is not production traffic, besides the built-in ones (listed, left out of the totals). */
  nonProductionGlobs: string[];
}

/** LiteLLM's public price file, the source the bundled catalog was copied from. */
export const DEFAULT_PRICE_FILE_URL = 'https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json';

export const DEFAULT_CONFIG: AdvisorConfig = {
  defaultCallsPerMonth: BUILTIN_CALLS_PER_MONTH,
  codeLensEnabled: true,
  hoverEnabled: true,
  dataSensitivity: 'standard',
  priceFileUrl: DEFAULT_PRICE_FILE_URL,
  fixedCosts: {},
  assumedModels: [],
  nonProductionGlobs: [],
};

/**
 * Every `llmHostingAdvisor.*` setting is window-scoped (package.json declares no other scope), so
 * they are read without a resource: one value per window, whichever file asks. Passing a document
 * or folder here made VS Code log "Accessing a window scoped configuration for a resource" once per
 * setting, per CodeLens and hover request. A resource-scoped setting, if one is ever added, is read
 * with `getConfiguration(CONFIG_SECTION, uri)` where its resource is known.
 */
export function readConfig(): AdvisorConfig {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const calls = c.get<number>('defaultCallsPerMonth', DEFAULT_CONFIG.defaultCallsPerMonth);
  return {
    defaultCallsPerMonth: Number.isFinite(calls) && calls >= 0 ? calls : DEFAULT_CONFIG.defaultCallsPerMonth,
    codeLensEnabled: c.get<boolean>('codeLens.enabled', DEFAULT_CONFIG.codeLensEnabled),
    hoverEnabled: c.get<boolean>('hover.enabled', DEFAULT_CONFIG.hoverEnabled),
    dataSensitivity: c.get<string>('dataSensitivity') === 'regulated' ? 'regulated' : 'standard',
    priceFileUrl: String(c.get<string>('priceFileUrl', DEFAULT_CONFIG.priceFileUrl) || DEFAULT_CONFIG.priceFileUrl),
    fixedCosts: validFixedCosts(c.get<unknown>('fixedCosts')),
    assumedModels: validModelIds(c.get<unknown>('assumedModels')),
    nonProductionGlobs: (c.get<unknown[]>('nonProductionGlobs') ?? []).filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== ''),
  };
}

/** Keeps the entries that are non-negative dollar amounts; anything else falls back to the catalog default. */
export function validFixedCosts(value: unknown): Record<string, number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, usd]) => typeof usd === 'number' && Number.isFinite(usd) && usd >= 0));
}

/** Keeps the strings that look like model ids (the syntax of `model=`); anything else is dropped. */
export function validModelIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((id): id is string => typeof id === 'string' && MODEL_ID_PATTERN.test(id.trim())).map((id) => id.trim());
}

/** True when a configuration change touches one of our settings (optionally one key). */
export function affects(event: vscode.ConfigurationChangeEvent, key?: string): boolean {
  return event.affectsConfiguration(key ? `${CONFIG_SECTION}.${key}` : CONFIG_SECTION);
}
