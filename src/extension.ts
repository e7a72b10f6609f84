/**
 * Extension entry point. Activation only registers commands, providers and the panel serializer;
 * the first scan starts the scanner thread, which loads the scanner (ts-morph, the token counter)
 * and runs every scan beside the extension host's thread (see extension/scanModel.ts).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AdvisorApi } from './extension/api';
import { CallSiteCodeActionProvider } from './extension/codeActions';
import { CallSiteCodeLensProvider } from './extension/codeLens';
import { CommandId } from './extension/commands';
import { affects } from './extension/config';
import { CostPanel, registerCostPanelSerializer } from './extension/costPanel';
import { openUsageFile, overrideTaskType, setModelForCall, setVolumeForCall } from './extension/editCommands';
import { CallSiteHoverProvider } from './extension/hover';
import { initLog, log, logFileUri } from './extension/log';
import { exportMigrationPlan } from './extension/planExport';
import { clearPriceOverride, loadStoredOverride, overrideUri, refreshPrices } from './extension/prices';
import { RESCAN_DEBOUNCE_MS, WorkspaceScanModel } from './extension/scanModel';
import { CostStatusBar } from './extension/statusBar';
import { isCallSiteId } from './webview/protocol';

const SOURCE_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', language: 'typescript' },
  { scheme: 'file', language: 'typescriptreact' },
  { scheme: 'file', language: 'javascript' },
  { scheme: 'file', language: 'javascriptreact' },
  // Vue and Svelte components, whatever language their extension (if any) gives them: the scan reads their script blocks.
  { scheme: 'file', pattern: '**/*.{vue,svelte}' },
];

export function activate(context: vscode.ExtensionContext): AdvisorApi {
  const started = performance.now();
  initLog(context);
  const model = new WorkspaceScanModel(context.globalStorageUri.scheme === 'file' ? context.globalStorageUri.fsPath : undefined);
  model.setOverrideLoader(() => loadStoredOverride(context));
  // The last result per workspace, for lenses before the scanner loads in the next session. A stored
  // result is void when the scanner bundle (analyzers, catalog) or the price override changed.
  const override = overrideUri(context);
  model.useLastScanStore(
    context.globalStorageUri.scheme === 'file'
      ? { directory: path.join(context.globalStorageUri.fsPath, 'last-scan'), inputs: [path.join(context.extensionPath, 'dist', 'scanner.js'), ...(override.scheme === 'file' ? [override.fsPath] : [])] }
      : undefined,
  );
  // Read now (no scanner bundle: a JSON file and a few stats), so the first CodeLens request finds it ready.
  void model.restoreLastScan();
  const lenses = new CallSiteCodeLensProvider(model);
  const statusBar = new CostStatusBar(model);
  const extensionUri = context.extensionUri;

  context.subscriptions.push(
    model,
    lenses,
    statusBar,
    vscode.commands.registerCommand(CommandId.OpenCostPanel, (callSiteId?: unknown) => {
      CostPanel.createOrShow(extensionUri, model, isCallSiteId(callSiteId) ? callSiteId : undefined);
    }),
    vscode.commands.registerCommand(CommandId.RescanWorkspace, () => model.rescan('notification')),
    vscode.commands.registerCommand(CommandId.ExportMigrationPlan, () => exportMigrationPlan(model)),
    vscode.commands.registerCommand(CommandId.SetVolumeForCall, (id?: unknown, value?: unknown) => setVolumeForCall(model, id, value)),
    vscode.commands.registerCommand(CommandId.SetModelForCall, (id?: unknown, value?: unknown) => setModelForCall(model, id, value)),
    vscode.commands.registerCommand(CommandId.OverrideTaskType, (id?: unknown, value?: unknown) => overrideTaskType(model, id, value)),
    vscode.commands.registerCommand(CommandId.OpenUsageFile, () => openUsageFile(model)),
    vscode.commands.registerCommand(CommandId.RefreshPrices, (options?: unknown) => refreshPrices(context, model, options)),
    vscode.commands.registerCommand(CommandId.ClearPriceOverride, () => clearPriceOverride(context, model)),
    vscode.languages.registerCodeLensProvider(SOURCE_SELECTOR, lenses),
    vscode.languages.registerCodeActionsProvider(SOURCE_SELECTOR, new CallSiteCodeActionProvider(model), {
      providedCodeActionKinds: CallSiteCodeActionProvider.kinds,
    }),
    vscode.languages.registerHoverProvider(SOURCE_SELECTOR, new CallSiteHoverProvider(model)),
    registerCostPanelSerializer(extensionUri, model),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // Costs scale with the assumed volume: recompute once a result is on screen.
      if ((affects(e, 'defaultCallsPerMonth') || affects(e, 'dataSensitivity') || affects(e, 'fixedCosts') || affects(e, 'assumedModels')) && model.lastResult) void model.rescan('window');
    }),
    { dispose: () => CostPanel.current?.dispose() },
  );

  const activationMs = performance.now() - started;
  const scannerLoadedAtActivation = model.scannerStarted;
  log.info(`activated in ${activationMs.toFixed(1)} ms`);
  return {
    lastScanResult: () => model.lastResult,
    restoredScan: () => model.state.restored,
    restoredLensesProvidedAt: () => model.restoredLensesProvidedAt,
    lensesProvidedAt: () => model.lensesProvidedAt,
    lensesRequestedAt: () => model.lensesRequestedAt,
    lastScanStored: () => model.lastScanStored(),
    simulateNextSession: async (between) => {
      for (const disposable of context.subscriptions.splice(0)) disposable.dispose();
      await between?.();
      return activate(context);
    },
    ensureScanned: () => model.ensureResult('silent'),
    activationMs,
    rescanDebounceMs: RESCAN_DEBOUNCE_MS,
    activatedAt: performance.now(),
    scannerLoadedAtActivation,
    scannerLoaded: () => model.scannerLoad !== undefined,
    scannerLoad: () => model.scannerLoad,
    scannerHeapUsed: () => model.scannerHeapUsed(),
    panel: () => CostPanel.current?.probe,
    sendPanelMessage: async (raw) => {
      await CostPanel.current?.handleMessage(raw);
    },
    logFile: logFileUri(context),
    statusBarText: () => statusBar.text,
    scanCount: () => model.scanCount,
    lastScanTiming: () => model.lastScanTiming,
    priceOverride: () => model.priceOverride,
    isDisposed: () => model.disposed,
    simulateDeactivation: () => {
      for (const disposable of context.subscriptions.splice(0)) disposable.dispose();
    },
    isIdle: () => model.idle,
    onDidChangeState: model.onDidChange,
    onDidChangeCodeLenses: lenses.onDidChangeCodeLenses,
    cancelScan: () => model.cancel(),
    isScanning: () => model.state.scanning,
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions and disposed by VS Code.
}
