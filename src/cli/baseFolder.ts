import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isPrivateFolder } from '../scan/statDigests';
import { isInsideFolder } from '../runtime/insideFolder';

/** The folder `diff` writes the base tree into, and how to give it back. */
export interface BaseFolder {
  path: string;
  /** Whether it is this working tree's own folder in the result store's folder (see claimBaseFolder). */
  reused: boolean;
  /** Whether it holds the tree asked for already, written out by an earlier diff: nothing to write. */
  holdsTree: boolean;
  /** Records that the tree asked for is now written out in full (a reused folder then keeps it for the next diff). */
  written(): Promise<void>;
  /** Ends this diff's use: a temporary folder, or one not written out in full, is removed with everything in it. */
  release(): Promise<void>;
}

/** A lock nobody wrote a process id into is taken over after this long (its writer died between creating and writing it). */
const UNWRITTEN_LOCK_MS = 60_000;

/**
 * Where `diff` writes the base tree out. The result store keeps each scanned root's results under the root's
 * path, so a base written to a new temporary folder every time never meets the results of the run before. With
 * the store on, the base goes to the same folder for every diff of one working tree, inside the store's own
 * folder (private to this user: nobody else can plant or swap it); the next diff, such as a CI job that restored
 * the store from its cache, then analyzes only the files that changed. The folder keeps the last tree written
 * out in full, with a marker beside it naming it (`tree`: the commit and the path under the repository): a later
 * diff against the same commit, the usual case while a branch is worked on, writes nothing and finds every file's
 * stat as the store recorded it, once `stillWhole` confirmed every file of the tree is still there (a temp-folder
 * cleaner deletes files it finds unread for days, and a scan trusting their stats does not read them). Any other
 * tree, or a tree missing files, empties it first, and a diff that ends before its tree was written out in full
 * removes it. One diff at a time holds it, by a lock file beside it naming its process: a
 * second diff of the same tree running meanwhile, or a store folder that is not private or lies inside the
 * working tree (whose scan would take the base's files for its own), gets a fresh temporary folder, as without
 * the store. Never throws for the store's folder: anything wrong with it falls back to a temporary folder.
 */
export async function claimBaseFolder(workingTree: string, resultCacheDirectory: string | undefined, tree: string, stillWhole: (folder: string) => Promise<boolean>): Promise<BaseFolder> {
  const reusable = resultCacheDirectory === undefined ? undefined : await claimReusable(workingTree, resultCacheDirectory, tree, stillWhole).catch(() => undefined);
  if (reusable) return reusable;
  const temporary = await fs.mkdtemp(path.join(os.tmpdir(), 'llm-advisor-base-'));
  return { path: temporary, reused: false, holdsTree: false, written: async () => undefined, release: () => fs.rm(temporary, { recursive: true, force: true }) };
}

async function claimReusable(workingTree: string, resultCacheDirectory: string, tree: string, stillWhole: (folder: string) => Promise<boolean>): Promise<BaseFolder | undefined> {
  // A store inside the working tree (`LLM_HOSTING_ADVISOR_CACHE_DIR=.cache`): the base's files would be scanned as the working tree's.
  if (isInsideFolder(path.resolve(resultCacheDirectory), path.resolve(workingTree))) return undefined;
  await fs.mkdir(resultCacheDirectory, { recursive: true, mode: 0o700 });
  if (!isPrivateFolder(resultCacheDirectory)) return undefined;
  const folder = path.join(resultCacheDirectory, `base-${createHash('sha1').update(workingTree).digest('hex').slice(0, 16)}`);
  const lock = `${folder}.lock`;
  const marker = `${folder}.tree`;
  if (!(await takeLock(lock))) return undefined;
  let complete: boolean;
  try {
    complete = (await fs.readFile(marker, 'utf8').catch(() => undefined)) === tree && (await fs.stat(folder)).isDirectory() && (await stillWhole(folder));
  } catch {
    complete = false;
  }
  if (!complete) {
    try {
      // Another tree, one missing files, or what a run that was killed while writing left behind.
      await fs.rm(marker, { force: true });
      await fs.rm(folder, { recursive: true, force: true });
      await fs.mkdir(folder, { mode: 0o700 });
    } catch {
      await fs.rm(lock, { force: true });
      return undefined;
    }
  }
  return {
    path: folder,
    reused: true,
    holdsTree: complete,
    written: async () => {
      await fs.writeFile(marker, tree, { mode: 0o600 });
      complete = true;
    },
    release: async () => {
      if (!complete) await fs.rm(folder, { recursive: true, force: true });
      await fs.rm(lock, { force: true });
    },
  };
}

/** Creates the lock file with this process's id; a lock whose process has ended is taken over. False while another holds it. */
async function takeLock(lock: string): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
    }
    if (await heldByLiveProcess(lock)) return false;
    await fs.rm(lock, { force: true });
  }
  return false;
}

async function heldByLiveProcess(lock: string): Promise<boolean> {
  let text: string;
  let modified: number;
  try {
    [text, modified] = await Promise.all([fs.readFile(lock, 'utf8'), fs.stat(lock).then((stat) => stat.mtimeMs)]);
  } catch {
    // Gone meanwhile: the next attempt creates it.
    return false;
  }
  const pid = Number(text);
  // Created, not yet written: its writer is between the two steps, unless that was long ago.
  if (!Number.isInteger(pid) || pid <= 0) return Date.now() - modified < UNWRITTEN_LOCK_MS;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user has that id, alive.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
