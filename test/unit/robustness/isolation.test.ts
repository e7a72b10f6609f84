import * as assert from 'node:assert/strict';
import childProcess from 'node:child_process';
import dns from 'node:dns';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../../src/scan/scan';

const EXAMPLE = path.resolve(__dirname, '../../../examples/support-desk');

describe('isolation', () => {
  it('a scan opens no socket, resolves no host name and starts no process', async () => {
    const attempts: string[] = [];
    const originalConnect = net.Socket.prototype.connect;
    const originalLookup = dns.lookup;
    const originalSpawn = childProcess.spawn;
    const originalExecFile = childProcess.execFile;
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      attempts.push(`connect ${JSON.stringify(args[0])}`);
      return originalConnect.apply(this, args as never);
    } as typeof originalConnect;
    (dns as { lookup: unknown }).lookup = (...args: unknown[]) => {
      attempts.push(`lookup ${String(args[0])}`);
      return (originalLookup as (...a: unknown[]) => unknown)(...args);
    };
    (childProcess as { spawn: unknown }).spawn = (...args: unknown[]) => {
      attempts.push(`spawn ${String(args[0])}`);
      return (originalSpawn as (...a: unknown[]) => unknown)(...args);
    };
    (childProcess as { execFile: unknown }).execFile = (...args: unknown[]) => {
      attempts.push(`execFile ${String(args[0])}`);
      return (originalExecFile as (...a: unknown[]) => unknown)(...args);
    };
    try {
      const result = await scanWorkspace(EXAMPLE);
      assert.ok(result.callSites.length > 0);
    } finally {
      net.Socket.prototype.connect = originalConnect;
      (dns as { lookup: unknown }).lookup = originalLookup;
      (childProcess as { spawn: unknown }).spawn = originalSpawn;
      (childProcess as { execFile: unknown }).execFile = originalExecFile;
    }
    assert.deepEqual(attempts, []);
  });

  it('never runs workspace code, even code that would run on import', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'no-exec-'));
    const marker = path.join(root, 'EXECUTED');
    try {
      mkdirSync(path.join(root, 'src'));
      writeFileSync(path.join(root, 'src', 'config.ts'), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nexport const MODEL = 'gpt-4o';\n`);
      writeFileSync(path.join(root, 'src', 'app.ts'), `import OpenAI from 'openai';\nimport { MODEL } from './config';\nconst openai = new OpenAI();\nopenai.chat.completions.create({ model: MODEL, messages: [] });\n`);
      const result = await scanWorkspace(root);
      assert.equal(result.callSites[0]?.model.id, 'gpt-4o', 'the constant is read from the syntax tree');
      assert.equal(require('node:fs').existsSync(marker), false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a cancelled scan rejects with an AbortError and returns nothing partial', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(scanWorkspace(EXAMPLE, { signal: controller.signal }), (error: Error) => error.name === 'AbortError');
  });

  it('a scan cancelled mid-way stops', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cancel-'));
    try {
      for (let index = 0; index < 200; index++) writeFileSync(path.join(root, `f${index}.ts`), `import OpenAI from 'openai';\nconst o = new OpenAI();\no.chat.completions.create({ model: 'gpt-4o', messages: [] });\n`);
      const controller = new AbortController();
      let progressed = 0;
      const scan = scanWorkspace(root, { signal: controller.signal, onProgress: (done) => { progressed = done; if (done === 20) controller.abort(); } });
      await assert.rejects(scan, (error: Error) => error.name === 'AbortError');
      assert.ok(progressed < 200, `stopped after ${progressed} of 200 files`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
