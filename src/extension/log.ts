import * as vscode from 'vscode';

/**
 * The extension's log: an output channel with `{ log: true }`, so lines carry a timestamp and a
 * level and follow the user's "Developer: Set Log Level" choice.
 */
let channel: vscode.LogOutputChannel | undefined;

/** The output channel's name, which is also the name of the file VS Code writes it to. */
const CHANNEL_NAME = 'LLM Hosting Advisor';

/** The file VS Code writes a LogOutputChannel to: `<channel name>.log` in the extension's log folder (`context.logUri`). */
export function logFileUri(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.logUri, `${CHANNEL_NAME}.log`);
}

export function initLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  channel = vscode.window.createOutputChannel(CHANNEL_NAME, { log: true });
  context.subscriptions.push(channel);
  return channel;
}

/** The channel, or a console fallback before activation (tests that import modules directly). */
export const log = {
  info: (message: string, ...args: unknown[]) => (channel ? channel.info(message, ...args) : console.log(message, ...args)),
  warn: (message: string, ...args: unknown[]) => (channel ? channel.warn(message, ...args) : console.warn(message, ...args)),
  error: (message: string | Error, ...args: unknown[]) => (channel ? channel.error(message, ...args) : console.error(message, ...args)),
  debug: (message: string, ...args: unknown[]) => channel?.debug(message, ...args),
};
