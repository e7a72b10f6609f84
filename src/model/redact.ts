/**
 * Credential-shaped text replaced before any prompt text leaves the scan (the prompt preview in
 * JSON, the panel and hovers). A key pasted into a prompt literal is still a key: no output may
 * carry a workspace secret. The shapes are the providers' documented key formats plus the generic
 * ones (URL passwords, PEM private keys); a false positive only hides a few characters of a preview.
 */
const CREDENTIAL_SHAPES: readonly RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{16,}/g, // OpenAI, Anthropic
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, // AWS access key id
  // AWS secret access key: 40 base64 characters, with digits and both cases as random ones have (a 40-character file
  // path such as `packages/cli/src/commands/gemma/platform`, all lower case and slashes, is not one).
  /(?<![A-Za-z0-9/+])(?=[A-Za-z0-9/+]{0,39}[0-9])(?=[A-Za-z0-9/+]{0,39}[A-Z])(?=[A-Za-z0-9/+]{0,39}[a-z])(?!(?:[A-Za-z0-9+]*\/){4})[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g, // Google API key
  /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g, // GitHub tokens
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, // Slack tokens
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g, // JWTs
];
/** `scheme://user:password@host`: the password only. */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi;

export const REDACTED = '[redacted credential]';

export function redactCredentials(text: string): string {
  let out = text.replace(URL_PASSWORD, `$1${REDACTED}@`);
  for (const shape of CREDENTIAL_SHAPES) out = out.replace(shape, REDACTED);
  return out;
}

/**
 * A URL as the product may show or log it: scheme, host and path only. The user name, password and
 * query string are where credentials travel (`https://user:pass@host/...`, `?key=...`), so they are
 * dropped, not just masked; an elided query is marked so the reader knows one was there.
 */
export function urlForDisplay(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return redactCredentials(href);
  }
  return redactCredentials(`${url.origin}${url.pathname}`) + (url.search ? '?…' : '');
}
