import * as vscode from 'vscode';

/**
 * The extension's log: an output channel with `{ log: true }`, so lines carry a timestamp and a
 * level and follow the user's "Developer: Set Log Level" choice.
 */
let channel: vscode.LogOutputChannel | undefined;

export function initLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  channel = vscode.window.createOutputChannel('LLM Hosting Advisor', { log: true });
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
