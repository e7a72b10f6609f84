import { PassThrough } from 'node:stream';
import { main } from '../../../src/cli/main';

/** Runs the CLI in-process with captured streams: exit code, stdout and stderr. */
export async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const code = await main(argv, stdout, stderr);
  return { code, stdout: out, stderr: err };
}
