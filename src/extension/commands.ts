/**
 * Every command id the extension registers, in one place. The ids are also declared in
 * package.json `contributes.commands` (keep the two in step; an integration test checks it).
 */
export const enum CommandId {
  /** Opens (or focuses) the cost panel; optional argument: a call-site id to select. */
  OpenCostPanel = 'llmHostingAdvisor.openCostPanel',
  RescanWorkspace = 'llmHostingAdvisor.rescanWorkspace',
  ExportMigrationPlan = 'llmHostingAdvisor.exportMigrationPlan',
}

/** The palette commands, for the manifest check in the integration test. */
export const PALETTE_COMMANDS: readonly string[] = [CommandId.OpenCostPanel, CommandId.RescanWorkspace, CommandId.ExportMigrationPlan];
