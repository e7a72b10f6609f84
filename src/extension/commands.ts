/**
 * Every command id the extension registers, in one place. The ids are also declared in
 * package.json `contributes.commands` (keep the two in step; an integration test checks it).
 */
export const enum CommandId {
  /** Opens (or focuses) the cost panel; optional argument: a call-site id to select. */
  OpenCostPanel = 'llmHostingAdvisor.openCostPanel',
  RescanWorkspace = 'llmHostingAdvisor.rescanWorkspace',
  ExportMigrationPlan = 'llmHostingAdvisor.exportMigrationPlan',
  /** Arguments: call-site id?, rate? (`20000/day`). Writes `calls=` in the llm-advisor comment. */
  SetVolumeForCall = 'llmHostingAdvisor.setVolumeForCall',
  /** Arguments: call-site id?, task type? (null removes). Writes `task=` in the llm-advisor comment. */
  OverrideTaskType = 'llmHostingAdvisor.overrideTaskType',
  /** Arguments: call-site id?, model id? (null removes). Writes `model=` in the llm-advisor comment. */
  SetModelForCall = 'llmHostingAdvisor.setModelForCall',
  OpenUsageFile = 'llmHostingAdvisor.openUsageFile',
  /** Argument: `{ confirmed: true }` skips the confirmation (tests). Downloads the price file. */
  RefreshPrices = 'llmHostingAdvisor.refreshPrices',
  ClearPriceOverride = 'llmHostingAdvisor.clearPriceOverride',
}

/** The palette commands, for the manifest check in the integration test. */
export const PALETTE_COMMANDS: readonly string[] = [
  CommandId.OpenCostPanel,
  CommandId.RescanWorkspace,
  CommandId.ExportMigrationPlan,
  CommandId.SetVolumeForCall,
  CommandId.OverrideTaskType,
  CommandId.SetModelForCall,
  CommandId.OpenUsageFile,
  CommandId.RefreshPrices,
  CommandId.ClearPriceOverride,
];
