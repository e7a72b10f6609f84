import * as fs from 'node:fs';
import * as path from 'node:path';

/** JavaScript and TypeScript sources (declaration files are never searched). */
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/;
const DECLARATION_FILE = /\.d\.ts$/;
/** Larger files are generated or bundled code, not where an app writes a subclass or a fetch. */
const MAX_FILE_BYTES = 512 * 1024;

export interface NearbySearch {
  /** Folders below `root` to go into. */
  maxDepth: number;
  /** Files read at most: the search stops there. */
  maxFiles: number;
  /** Folder names not gone into (dependencies, build output, hidden folders). */
  skipFolder: RegExp;
  /** Source files not read, by name or absolute path (tests, the file the search starts from). */
  skipFile: (name: string, fullPath: string) => boolean;
  /** Whether the file's text is one the search wants. */
  matches: (text: string) => boolean;
}

/**
 * Source files under `root`, depth-first in name order, whose text matches, bounded in depth and files
 * read (absolute paths). For the searches that look past the files the scan parsed, near where the code
 * points (subclasses beside a base class, callers of an app's own API route); unreadable files are skipped.
 */
export function nearbySourceFiles(root: string, search: NearbySearch): string[] {
  const found: string[] = [];
  let read = 0;
  const visit = (folder: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (read >= search.maxFiles) return;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (depth < search.maxDepth && !search.skipFolder.test(entry.name)) visit(full, depth + 1);
        continue;
      }
      if (!entry.isFile() || !SOURCE_FILE.test(entry.name) || DECLARATION_FILE.test(entry.name) || search.skipFile(entry.name, full)) continue;
      read++;
      try {
        if (fs.statSync(full).size < MAX_FILE_BYTES && search.matches(fs.readFileSync(full, 'utf8'))) found.push(full);
      } catch {
        // An unreadable file is not one the search can use.
      }
    }
  };
  visit(root, 0);
  return found;
}

/** How deep below the app's folder a search for its own files goes, and the folders it never enters (dependencies, build output, hidden). */
export const APP_SEARCH = { maxDepth: 8, skipFolder: /^(?:node_modules|dist|build|out|coverage|\..*)$/ } as const;

/** Test, spec and story files: they make the app's classes with stand-ins and set nothing the app runs with. */
const TEST_SOURCE_FILE = /\.(?:test|spec|stories)\.[cm]?[jt]sx?$/;

/** The app's own source files under `packageRoot` (not its tests) whose text `matches`, at most `maxFiles` read. */
export function appSourceFilesMatching(packageRoot: string, maxFiles: number, matches: (text: string) => boolean): string[] {
  return nearbySourceFiles(packageRoot, { ...APP_SEARCH, maxFiles, skipFile: (name) => TEST_SOURCE_FILE.test(name), matches });
}

/** The folder of the nearest package.json at or above `folder`, within the workspace (the workspace root when none). */
export function appRoot(folder: string, workspaceRoot: string): string {
  const root = path.resolve(workspaceRoot);
  for (let current = path.resolve(folder); current.startsWith(root); current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, 'package.json'))) return current;
    if (current === root || path.dirname(current) === current) break;
  }
  return root;
}
