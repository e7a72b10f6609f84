import * as vscode from 'vscode';

/** The `llmHostingAdvisor.*` settings, typed. Defaults match package.json `contributes.configuration`. */
export const CONFIG_SECTION = 'llmHostingAdvisor';

export interface AdvisorConfig {
  /** Calls per month assumed for a call site with no usage file entry or annotation. */
  defaultCallsPerMonth: number;
  codeLensEnabled: boolean;
  hoverEnabled: boolean;
}

export const DEFAULT_CONFIG: AdvisorConfig = {
  defaultCallsPerMonth: 10000,
  codeLensEnabled: true,
  hoverEnabled: true,
};

export function readConfig(scope?: vscode.ConfigurationScope): AdvisorConfig {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  const calls = c.get<number>('defaultCallsPerMonth', DEFAULT_CONFIG.defaultCallsPerMonth);
  return {
    defaultCallsPerMonth: Number.isFinite(calls) && calls >= 0 ? calls : DEFAULT_CONFIG.defaultCallsPerMonth,
    codeLensEnabled: c.get<boolean>('codeLens.enabled', DEFAULT_CONFIG.codeLensEnabled),
    hoverEnabled: c.get<boolean>('hover.enabled', DEFAULT_CONFIG.hoverEnabled),
  };
}

/** True when a configuration change touches one of our settings (optionally one key). */
export function affects(event: vscode.ConfigurationChangeEvent, key?: string): boolean {
  return event.affectsConfiguration(key ? `${CONFIG_SECTION}.${key}` : CONFIG_SECTION);
}
