import picomatch from 'picomatch';
import type { DetectedCall, Diagnostic } from '../model/types';
import { TEST_FILE_GLOBS } from '../model/vocabulary';

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
export async function dropRequestsToTestDoubles(calls: DetectedCall[], textOf: (relativePath: string) => Promise<string | null>, diagnostics: Diagnostic[]): Promise<void> {
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
    const why = STARTS_SERVER.test(text) && LOCAL_SERVER_ADDRESS.test(span) ? 'a server the test starts itself' : FETCH_OPTION.test(span) && DECLARES_FETCH.test(text) ? 'a fetch the test declares and hands to the client' : undefined;
    if (!why) continue;
    diagnostics.push({ file: call.file, line: call.line, message: `not reported: the ${call.method} request here goes to ${why}, not to a model (a test double)`, severity: 'warning' });
    calls.splice(index, 1);
  }
}
