import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Project, SourceFile } from 'ts-morph';
import { parseIntoProject } from './parse';

const RESOLVABLE_EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.tsx', '/index.js', '/index.mjs'];

/** The largest module we load to follow an import; larger ones are generated code. */
const MAX_FOLLOWED_MODULE_BYTES = 1024 * 1024;

/** Prompt files read with fs: text formats only (never `.env` or other config that may hold secrets). */
const PROMPT_FILE_EXTENSION = /\.(md|mdx|txt|prompt|hbs|handlebars|mustache|tmpl|tpl|ya?ml|json|j2|jinja2?)$/i;
const MAX_PROMPT_FILE_BYTES = 256 * 1024;

/**
 * Loads relative imports of workspace modules into the project on demand. Only modules an
 * analyzer actually follows get parsed, so the scan never builds a program over the whole repo.
 */
export class ModuleLoader {
  private tracked: Set<string> | undefined;

  constructor(private readonly project: Project, private readonly root: string) {}

  /** Starts recording which modules get followed, so a cached result can be invalidated when one changes. */
  startTracking(): void {
    this.tracked = new Set();
  }

  /** Stops recording and returns the absolute paths of the modules followed since `startTracking`. */
  stopTracking(): string[] {
    const followed = [...(this.tracked ?? [])];
    this.tracked = undefined;
    return followed;
  }

  /** The source file a relative module specifier points at, or undefined for packages and misses. */
  resolve(fromFile: SourceFile, specifier: string): SourceFile | undefined {
    if (!specifier.startsWith('.')) return undefined;
    const base = path.resolve(path.dirname(fromFile.getFilePath()), specifier);
    // Analyzers ask for the same module many times per file (every constant, every client): probe the disk once per scan.
    const known = this.resolved.get(base);
    if (known !== undefined) {
      if (known === null) return undefined;
      const existing = this.project.getSourceFile(known);
      if (existing) {
        this.tracked?.add(known);
        return existing;
      }
    }
    const found = this.resolveUncached(base);
    this.resolved.set(base, found ? found.getFilePath() : null);
    return found;
  }

  /**
   * The text of a prompt file the code reads at run time (`readFileSync(path.join(__dirname, 'prompts/x.md'))`),
   * when it lies inside the scan root and is a text file of at most MAX_PROMPT_FILE_BYTES; undefined otherwise.
   */
  readPromptFile(absolutePath: string): string | undefined {
    const resolved = path.resolve(absolutePath);
    if (!resolved.startsWith(this.root) || !PROMPT_FILE_EXTENSION.test(resolved)) return undefined;
    try {
      const stat = fs.statSync(resolved);
      if (!stat.isFile() || stat.size > MAX_PROMPT_FILE_BYTES) return undefined;
      this.tracked?.add(resolved);
      return fs.readFileSync(resolved, 'utf8');
    } catch {
      return undefined;
    }
  }

  /** Absolute specifier base → resolved file path (null: nothing there), for this loader's lifetime (one scan). */
  private readonly resolved = new Map<string, string | null>();

  private resolveUncached(base: string): SourceFile | undefined {
    const withoutJsExtension = base.replace(/\.(m|c)?js$/, '');
    for (const candidateBase of withoutJsExtension === base ? [base] : [withoutJsExtension, base]) {
      for (const extension of RESOLVABLE_EXTENSIONS) {
        const candidate = candidateBase + extension;
        const existing = this.project.getSourceFile(candidate);
        if (existing) {
          this.tracked?.add(candidate);
          return existing;
        }
        if (!candidate.startsWith(this.root)) continue;
        try {
          const stat = fs.statSync(candidate);
          if (!stat.isFile() || stat.size > MAX_FOLLOWED_MODULE_BYTES) continue;
          this.tracked?.add(candidate);
          return parseIntoProject(this.project, candidate, fs.readFileSync(candidate, 'utf8'));
        } catch {
          continue;
        }
      }
    }
    return undefined;
  }
}
