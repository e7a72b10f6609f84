/**
 * The ONLY module that touches @vscode/webview-ui-toolkit: it registers the web components the
 * panel uses. Moving to another component library means changing this file (and the tag names
 * in render.ts and extension/panelShell.ts), nothing else.
 */
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeDataGrid,
  vsCodeDataGridCell,
  vsCodeDataGridRow,
  vsCodeTextField,
} from '@vscode/webview-ui-toolkit';

let registered = false;

export function registerToolkit(): void {
  if (registered) return;
  registered = true;
  provideVSCodeDesignSystem().register(vsCodeDataGrid(), vsCodeDataGridRow(), vsCodeDataGridCell(), vsCodeButton(), vsCodeTextField());
}
