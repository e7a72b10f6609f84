import picomatch from 'picomatch';
import type { DetectedCall, Diagnostic } from '../model/types';
import { TEST_FILE_GLOBS } from '../model/vocabulary';
import { escapeRegExp } from '../model/regExp';

const IS_TEST_FILE = picomatch([...TEST_FILE_GLOBS], { dot: true, nocase: true });

/** A test starting a server of its own to answer the client (Bun's, Node's, msw's). */
const STARTS_SERVER = /\bBun\.serve\s*\(|\b(?:https?\.)?createServer\s*\(|\bsetupServer\s*\(|\bnock\s*\(/;
/** The started server's own address written in the request (`${server.port}`, `server.url`, `${port}` read off it). */
const LOCAL_SERVER_ADDRESS = /\b\w*[sS]erver\.(?:port|url|address\(\))|\$\{\s*port\s*\}/;
/** A fetch handed to the client (`fetch,` or `fetch: stubFetch` among its options). */
const FETCH_OPTION = /\bfetch\s*(?:[,}]|:\s*[\w$]+\s*[,}])/;
/** The test declaring that fetch itself (`const fetch = Object.assign(async (input) => ..., { preconnect })`). */
const DECLARES_FETCH = /\b(?:const|let|var)\s+(?:fetch|[\w$]*[Ff]etch[\w$]*)\s*(?::[^=]+)?=/;

/**
 * Requests a test sends to a stand-in it makes itself: a server it starts (`Bun.serve({ hostname: '127.0.0.1' })`)
 * whose address the client's base URL takes (`http://127.0.0.1:${server.port}`), or a fetch it declares and hands to the client. No model is asked, so no call site
 * (a test against a model server the team runs, `localhost:11434` with no server started, stays one). Each dropped
 * call gets a diagnostic saying why. `textOf` gives a file's text by its relative path.
 */
export async function dropRequestsToTestDoubles(calls: DetectedCall[], textOf: (relativePath: string) => Promise<string | null>, diagnostics: Diagnostic[], servedHere?: (path: string) => Promise<string | undefined>): Promise<void> {
  // Each test file's text and lines, read once for all its calls.
  const files = new Map<string, { text: string; lines: string[] } | null>();
  for (let index = calls.length - 1; index >= 0; index--) {
    const call = calls[index];
    if (!IS_TEST_FILE(call.file)) continue;
    if (!files.has(call.file)) {
      const read = await textOf(call.file);
      files.set(call.file, read ? { text: read, lines: read.split('\n') } : null);
    }
    const file = files.get(call.file);
    if (!file) continue;
    const { text } = file;
    const span = file.lines.slice(call.line - 1, call.endLine ?? call.line).join('\n');
    let why = STARTS_SERVER.test(text) && LOCAL_SERVER_ADDRESS.test(span) ? 'a server the test starts itself' : FETCH_OPTION.test(span) && DECLARES_FETCH.test(text) ? 'a fetch the test declares and hands to the client' : undefined;
    // `fetch('http://localhost:8787/v1/messages')` in a test, the workspace's own gateway routing `/v1/messages`: the app under test.
    const local = why ? undefined : localAddress(call);
    const server = local && servedHere ? await servedHere(local.path) : undefined;
    if (local && server) why = `the app's own server on ${local.host}, whose ${server} handles ${local.path}`;
    if (!why) continue;
    diagnostics.push({ file: call.file, line: call.line, message: `not reported: the ${call.method} request here goes to ${why}, not to a model (a test double)`, severity: 'warning' });
    calls.splice(index, 1);
  }
}

/** The URL a request names in its evidence (`URL http://localhost:8787/v1/messages → chat`) when its host is this machine. */
function localAddress(call: DetectedCall): { host: string; path: string } | undefined {
  for (const line of call.evidence) {
    const match = LOCAL_URL.exec(line);
    if (match && !LOCAL_MODEL_SERVER_PORTS.has(match[2] ?? '')) return { host: `${match[1]}${match[2] ? `:${match[2]}` : ''}`, path: match[3] };
  }
  return undefined;
}

const LOCAL_URL = /^URL https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0)(?::(\d+))?(\/[^\s?#]*)/;
/** Ports local model servers listen on by default (Ollama, LM Studio): a test asking one asks a model. */
const LOCAL_MODEL_SERVER_PORTS: ReadonlySet<string> = new Set(['11434', '1234']);

/**
 * The workspace file (not a test) that routes requests for a path (`app.post('/v1/chat/completions', ...)`,
 * `if (path === '/v1/messages')`), among the files the prefilter let through: a route of an LLM API's shape names that
 * API's path, which the prefilter looks for. Its relative path, or undefined.
 */
export async function routingFile(analyses: ReadonlyArray<{ file: { relativePath: string; absolutePath: string }; analysis: { parsed: boolean } }>, routePath: string, readText: (absolutePath: string) => Promise<string | null>): Promise<string | undefined> {
  const quoted = `['"\`]${escapeRegExp(routePath)}['"\`]`;
  const routes = new RegExp(`(?:\\.(?:post|all|route|on|handle)\\s*\\(\\s*|\\b(?:path|pathname|route)\\s*===?\\s*|\\.(?:endsWith|startsWith)\\s*\\(\\s*)${quoted}`);
  for (const { file, analysis } of analyses) {
    if (!analysis.parsed || IS_TEST_FILE(file.relativePath)) continue;
    const text = await readText(file.absolutePath);
    if (text !== null && routes.test(text)) return file.relativePath;
  }
  return undefined;
}
