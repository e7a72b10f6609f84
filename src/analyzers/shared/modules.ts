import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts, type Node, type Project, type SourceFile } from 'ts-morph';
import type { Diagnostic } from '../../model/types';
import { MODULE_FILE_SUFFIXES } from '../../model/vocabulary';
import { parseIntoProject } from './parse';
import { EMPTY_SETTINGS, MAX_SETTINGS_FILE_BYTES, parseConfigModule, type SettingValue, type WorkspaceSettings } from './settings';

/**
 * A JSON module is loaded as a TypeScript module under this suffix (`config.json` → `config.json.settings.ts`)
 * whose default export holds only the values that look like model ids or provider URLs, each on its line.
 */
const JSON_MODULE_SUFFIX = '.settings.ts';

/** The file on disk a module of the project was read from: a loaded JSON module is named by its real file. */
function realFileOf(modulePath: string): string {
  return modulePath.endsWith(JSON_MODULE_SUFFIX) ? modulePath.slice(0, -JSON_MODULE_SUFFIX.length) : modulePath;
}

/** In a module's words (`wordsOf`): it has `export * from './x'` or `export * as x from './x'`, passing on another's exports whatever their names. Not a word of any text. */
const WHOLE_MODULE_EXPORT = 'export *';
/** An identifier as ECMAScript writes it without escapes (ID_Start, then ID_Continue). */
const WORD = /[\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$\u200c\u200d]*/gu;

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

  /**
   * Files and folders read to decide a lookup that no analysis records as a dependency: package manifests, tsconfig
   * and jsconfig files (those that are there and those looked for), SvelteKit configs, the folders listed to find
   * workspace packages. A cache of the workspace-wide steps checks their stamps (a folder's changes when an entry is
   * added or removed), so a manifest or config written later is noticed.
   */
  readonly consultedPaths = new Set<string>();

  /** Problems met while following modules (a config file that does not parse), drained by the scan per file. */
  private readonly problems: Diagnostic[] = [];

  /** `projectOnFirstUse`: the scan's project, made when first asked for, so a run that parses nothing never loads ts-morph. */
  constructor(private readonly projectOnFirstUse: () => Project, readonly root: string, readonly settings: WorkspaceSettings = EMPTY_SETTINGS) {}

  private resolvedRoot: string | undefined;

  /** The root with symbolic links resolved (the root itself when it cannot be), read once. */
  private realRoot(): string {
    if (this.resolvedRoot === undefined) {
      try {
        this.resolvedRoot = fs.realpathSync(this.root);
      } catch {
        this.resolvedRoot = this.root;
      }
    }
    return this.resolvedRoot;
  }

  private get project(): Project {
    return this.projectOnFirstUse();
  }

  /**
   * The calls `x.name(...)` in the files the wrapper-caller search is reading, while it reads them (undefined
   * otherwise): how an untyped parameter of a method learns what its callers in other files pass.
   */
  methodCallsNamed: ((name: string) => Node[]) | undefined;

  /** `file:line` of a node's file relative to the scan root, for model candidates and evidence. */
  where(sourceFile: SourceFile, line: number): string {
    return `${this.relativePath(sourceFile.getFilePath())}:${line}`;
  }

  /** A workspace path relative to the scan root, POSIX; a loaded JSON module is named by its real file. */
  relativePath(absolutePath: string): string {
    return path.relative(this.root, realFileOf(absolutePath)).split(path.sep).join('/');
  }

  /** An env variable's first kept value from the workspace's example env files (records the file as a dependency). */
  envSetting(name: string): SettingValue | undefined {
    const value = this.settings.env.get(name)?.[0];
    if (value) this.tracked?.add(path.join(this.root, value.file));
    return value;
  }

  /** Whether an example env, docker-compose or deployment file sets the variable to something (records the file as a dependency). */
  envSetByExample(name: string): boolean {
    const file = this.settings.envNamesSet?.get(name);
    if (file !== undefined) this.tracked?.add(path.join(this.root, file));
    return file !== undefined;
  }

  /**
   * The values of commented-out example lines (`# NAME='value'`) for an env variable, nearest the root first
   * (records the files as dependencies). Only kept values (model ids, provider URLs).
   */
  envExamples(name: string): readonly SettingValue[] {
    const values = this.settings.envExamples?.get(name) ?? [];
    for (const value of values) this.tracked?.add(path.join(this.root, value.file));
    return values;
  }

  /**
   * A key of a config file the app reads at run time (`JSON.parse(readFileSync('config.json'))`), by the
   * file name the code writes and the dotted key; records the file as a dependency.
   */
  configSetting(fileName: string, key: string): SettingValue | undefined {
    const name = fileName.replace(/^\.?\//, '').replace(/\\/g, '/');
    const baseName = name.slice(name.lastIndexOf('/') + 1);
    const files = [...this.settings.configs.keys()].filter((file) => file === name || file.endsWith(`/${name}`) || file.slice(file.lastIndexOf('/') + 1) === baseName);
    for (const file of files.sort((a, b) => a.split('/').length - b.split('/').length)) {
      const value = this.settings.configs.get(file)?.get(key);
      if (value) {
        this.tracked?.add(path.join(this.root, file));
        return value;
      }
    }
    return undefined;
  }

  /** Diagnostics collected since the last call. */
  takeProblems(): Diagnostic[] {
    return this.problems.splice(0);
  }

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

  /**
   * The names of the files in a workspace folder (none for a folder outside the root or missing), listed once per scan:
   * for frameworks that find an app's modules by where they are (eve's `agent/tools/*.ts`).
   */
  filesIn(folder: string): readonly string[] {
    let names = this.folderListings.get(folder);
    if (!names) {
      this.consultedPaths.add(folder);
      const inside = path.relative(this.root, folder);
      try {
        names = inside.startsWith('..') || path.isAbsolute(inside) ? [] : fs.readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
      } catch {
        names = [];
      }
      this.folderListings.set(folder, names);
    }
    return names;
  }

  private readonly folderListings = new Map<string, string[]>();

  /** A source file found on disk by its absolute path, loaded as `fromFile` would import it by a relative path. */
  resolvePath(fromFile: SourceFile, absolutePath: string): SourceFile | undefined {
    const relative = path.relative(path.dirname(fromFile.getFilePath()), absolutePath).split(path.sep).join('/');
    return this.resolve(fromFile, relative.startsWith('.') ? relative : `./${relative}`);
  }

  /** The source file a relative module specifier points at, or undefined for packages and misses. */
  resolve(fromFile: SourceFile, specifier: string): SourceFile | undefined {
    const base = this.baseOf(fromFile, specifier);
    if (base === undefined) return undefined;
    // Analyzers ask for the same module many times per file (every constant, every client): probe the disk once per scan.
    const known = this.resolved.get(base);
    if (known !== undefined) {
      if (known === null) return undefined;
      const existing = this.project.getSourceFile(known);
      if (existing) {
        // The file on disk: a JSON module is kept in the project under a name of its own, which no edit ever changes.
        this.tracked?.add(realFileOf(known));
        return existing;
      }
    }
    const found = this.resolveUncached(base);
    this.resolved.set(base, found ? found.getFilePath() : null);
    return found;
  }

  /** The absolute path a specifier stands for before extensions: relative, a path alias, a package.json subpath import, SvelteKit's `$lib`, WXT's or Nuxt's aliases or a workspace package. */
  private baseOf(fromFile: SourceFile, specifier: string): string | undefined {
    const folder = path.dirname(fromFile.getFilePath());
    if (specifier.startsWith('.')) return path.resolve(folder, specifier);
    // The alias forms probe the disk for each candidate, and a barrel's `export * from '~/x'` is asked about (mayExport),
    // then followed (resolve), for each name looked up through it: worked out once per folder and specifier.
    const key = `${folder}\0${specifier}`;
    if (this.aliasBases.has(key)) return this.aliasBases.get(key);
    const filePath = fromFile.getFilePath();
    const base = this.aliasBase(filePath, specifier) ?? this.subpathImportBase(filePath, specifier) ?? this.svelteKitLibBase(filePath, specifier) ?? this.frameworkAliasBase(filePath, specifier) ?? this.workspacePackageBase(specifier);
    this.aliasBases.set(key, base);
    return base;
  }

  /** Folder and non-relative specifier → its base (see baseOf), for this loader's lifetime (one scan). */
  private readonly aliasBases = new Map<string, string | undefined>();

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
    if (/\.json$/i.test(base)) return this.loadJsonModule(base);
    const found = this.locate(base);
    if (found === undefined) return undefined;
    try {
      return this.project.getSourceFile(found) ?? parseIntoProject(this.project, found, fs.readFileSync(found, 'utf8'));
    } catch {
      return undefined;
    }
  }

  /**
   * The file a module base names (itself, with one of the extensions, or its folder's index), in the project or on disk
   * inside the workspace and under the size limit, recorded as a dependency; found without parsing it. None there: the
   * folders a module written later would appear in (`x.ts` beside it, `x/index.ts` below it) are noted.
   */
  private locate(base: string): string | undefined {
    const withoutJsExtension = base.replace(/\.(m|c)?js$/, '');
    const candidateBases = withoutJsExtension === base ? [base] : [withoutJsExtension, base];
    for (const candidateBase of candidateBases) {
      for (const extension of MODULE_FILE_SUFFIXES) {
        const candidate = candidateBase + extension;
        if (!this.project.getSourceFile(candidate)) {
          if (!candidate.startsWith(this.root)) continue;
          // A missing candidate is the common case (most extensions are not there): no error object made for it.
          const stat = fs.statSync(candidate, { throwIfNoEntry: false });
          if (!stat?.isFile() || stat.size > MAX_FOLLOWED_MODULE_BYTES) continue;
        }
        this.tracked?.add(candidate);
        return candidate;
      }
    }
    for (const candidateBase of candidateBases) this.consultedPaths.add(path.dirname(candidateBase)).add(candidateBase);
    return undefined;
  }

  /** Whether a module base names a module (a JSON one loaded as such); other modules are found without being parsed. */
  private exists(base: string): boolean {
    return /\.json$/i.test(base) ? this.resolveUncached(base) !== undefined : this.locate(base) !== undefined;
  }

  /**
   * Whether the module `specifier` names may export `name`: its text names it, or it passes on whole modules
   * (`export * from`). Looking for one name through a barrel's `export * from` lines otherwise parses every module
   * the barrel lists (langfuse's shared package: 279 of the 474 modules a scan parsed held none of the names
   * looked for). True when the module is not found, so the caller's own lookup decides.
   */
  mayExport(fromFile: SourceFile, specifier: string, name: string): boolean {
    const base = this.baseOf(fromFile, specifier);
    if (base === undefined || /\.json$/i.test(base) || name.includes('\\')) return true;
    let file = this.resolved.get(base);
    if (file === undefined) {
      // Kept as `resolve` keeps what it found: a barrel is asked about the same modules for each name looked up through it.
      file = this.locate(base) ?? null;
      this.resolved.set(base, file);
    }
    if (file === null) return true;
    this.tracked?.add(file);
    const words = this.wordsOf(file);
    return words === undefined || words.has(name) || words.has(WHOLE_MODULE_EXPORT);
  }

  /**
   * The words of a module's text (identifiers, keywords, words in strings and comments: a superset of the names it
   * declares or exports), and WHOLE_MODULE_EXPORT when it has `export *`, read once per scan: a barrel is asked once
   * for each name looked up through it.
   */
  private wordsOf(file: string): Set<string> | undefined {
    if (!this.moduleWords.has(file)) {
      let text: string | undefined;
      try {
        text = this.project.getSourceFile(file)?.getFullText() ?? fs.readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      const words = text === undefined ? undefined : new Set(text.match(WORD) ?? []);
      if (text !== undefined && /\bexport\s*\*/.test(text)) words!.add(WHOLE_MODULE_EXPORT);
      this.moduleWords.set(file, words);
    }
    return this.moduleWords.get(file);
  }

  private readonly moduleWords = new Map<string, Set<string> | undefined>();

  /**
   * A config JSON imported as a module (`import config from './config.json'`): only values that look like
   * model ids or provider URLs are kept (everything else, secrets included, is dropped here); a file
   * that does not parse, is too large or lies outside the workspace gives a diagnostic, never a throw.
   */
  private loadJsonModule(file: string): SourceFile | undefined {
    const relative = this.relativePath(file);
    try {
      const real = fs.realpathSync(file);
      // Against the root's own real path: a workspace opened through a symbolic link is still the workspace.
      if (!real.startsWith(this.realRoot() + path.sep)) throw new Error('links outside the workspace; not read');
      const stat = fs.statSync(real);
      if (!stat.isFile()) return undefined;
      if (stat.size > MAX_SETTINGS_FILE_BYTES) throw new Error(`larger than ${MAX_SETTINGS_FILE_BYTES / 1024} KB; not read`);
      const bytes = fs.readFileSync(real);
      if (bytes.includes(0)) throw new Error('binary content; not read');
      const text = bytes.toString('utf8');
      const { kept, mapEntries } = parseConfigModule(text, relative);
      this.tracked?.add(file);
      return parseIntoProject(this.project, file + JSON_MODULE_SUFFIX, settingsModuleText(kept, mapEntries));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.consultedPaths.add(file);
        return undefined;
      }
      this.problems.push({ file: relative, message: `config file skipped: ${(error as Error).message}`, severity: 'warning' });
      return undefined;
    }
  }

  /** Workspace package name → its folder (monorepo `packages/*`, `apps/*`), read once per scan on first use. */
  private workspacePackages: Map<string, string> | undefined;

  /**
   * A module of a package of this workspace (a monorepo's `@org/shared/models`), by its source: the
   * package folder found by its package.json `name`, then `src/<subpath>` or `<subpath>` (`src/index` or
   * `index` for the package itself). Undefined for packages from a registry. Used to read an app's own
   * constants (offered model lists); imports are otherwise resolved by `resolve`.
   */
  resolveWorkspacePackage(specifier: string): SourceFile | undefined {
    const base = this.workspacePackageBase(specifier);
    const found = base === undefined ? undefined : this.resolveUncached(base);
    if (found) this.tracked?.add(found.getFilePath());
    return found;
  }

  /**
   * The specifiers other packages of the workspace import a module by (`mongodb-rag-core/aiSdk` for
   * `packages/mongodb-rag-core/src/aiSdk.ts`): the innermost package's name and the module's path below its folder,
   * `src/` and the extension dropped, an index standing for its folder. Read from package.json names alone, without
   * parsing: the scan asks it of the modules that pass a package on (`export * from 'ai'`).
   */
  workspaceSpecifiersOf(absolutePath: string): string[] {
    const packages = this.packagesWithRoot();
    const [name] = this.packagesHoldingFolder(absolutePath.slice(0, absolutePath.lastIndexOf(path.sep) + 1), packages);
    const folder = name === undefined ? undefined : packages.get(name);
    if (name === undefined || folder === undefined) return [];
    const below = path.relative(folder, absolutePath).split(path.sep).join('/').replace(/\.[cm]?[jt]sx?$/, '');
    const specifiers = new Set<string>();
    for (const sub of [below, below.replace(/^src\//, '')]) {
      const module = sub.replace(/(?:^|\/)index$/, '');
      specifiers.add(module ? `${name}/${module}` : name);
    }
    return [...specifiers];
  }

  /**
   * The workspace packages that declare a dependency (dependencies, devDependencies, peer or optional) on
   * a workspace package holding one of `files`: an example app on the library of its own repository
   * (`"typechat": "^0.1.0"` in examples/math/package.json, with the library in typescript/). Keyed by the
   * depended-on package's name, each with the folders of its dependents. The scan root's own package
   * counts as a workspace package here: a library at the root with its examples in workspaces below.
   */
  dependentsOfPackagesHolding(files: Iterable<string>): Map<string, string[]> {
    const packages = this.packagesWithRoot();
    const held = new Set<string>();
    for (const file of files) {
      for (const name of this.packagesHoldingFolder(file.slice(0, file.lastIndexOf(path.sep) + 1), packages)) held.add(name);
    }
    const dependents = new Map<string, string[]>();
    for (const name of held) {
      // The caller search asks at each level of helpers, mostly about the same packages: each package's dependents are found once.
      let folders = this.dependentFolders.get(name);
      if (!folders) this.dependentFolders.set(name, (folders = [...packages.values()].filter((folder) => folder !== packages.get(name) && dependsOn(this.packageManifest(folder), name))));
      if (folders.length > 0) dependents.set(name, [...folders]);
    }
    return dependents;
  }

  /**
   * The innermost workspace package (the first listed of equally deep ones) holding a folder (written with its trailing
   * separator, so it holds its files), then the packages holding that one other than the scan root's: a package nested in
   * another's folder (`mem0-ts/src/oss` in `mem0-ts`) is built into it, so the outer one's dependents import it too.
   * Once per folder for this loader's lifetime: the caller search asks about every candidate file at each level of
   * helpers, and the files of a folder share the answer.
   */
  private packagesHoldingFolder(folder: string, packages: ReadonlyMap<string, string>): string[] {
    const known = this.packagesByFolder.get(folder);
    if (known) return known;
    const holding = [...packages].filter(([, packageFolder]) => folder.startsWith(packageFolder + path.sep));
    // Deepest first; a stable sort keeps the first listed of equally deep ones first.
    holding.sort((a, b) => b[1].length - a[1].length);
    const found = holding.filter(([, packageFolder], index) => index === 0 || packageFolder !== this.root).map(([name]) => name);
    this.packagesByFolder.set(folder, found);
    return found;
  }

  private readonly packagesByFolder = new Map<string, string[]>();

  /** Package name → the folders of the workspace packages depending on it, for this loader's lifetime (one scan). */
  private readonly dependentFolders = new Map<string, string[]>();

  /** The workspace packages and the scan root's own package (when it has a name no workspace package has), read once. */
  private packagesWithRoot(): Map<string, string> {
    if (!this.packagesAndRoot) {
      const packages = new Map(this.packageFolders());
      const rootName = this.packageManifest(this.root).name;
      if (typeof rootName === 'string' && !packages.has(rootName)) packages.set(rootName, this.root);
      this.packagesAndRoot = packages;
    }
    return this.packagesAndRoot;
  }

  private packagesAndRoot: Map<string, string> | undefined;

  /** Folder → the nearest SvelteKit project folder above it (one with svelte.config.*), or null. */
  private readonly svelteProjectByFolder = new Map<string, string | null>();
  /** Per framework with `@/` aliases: folder → the nearest project folder above it (one with its config), or null; and each project's stated source folder. */
  private readonly aliasProjectByFolder = new Map<AliasFramework, Map<string, string | null>>();
  private readonly aliasSourceFolders = new Map<AliasFramework, Map<string, string | null>>();
  /** SvelteKit project → the lib folder its config states, relative to it (null: none stated). */
  private readonly svelteLibFolders = new Map<string, string | null>();

  /**
   * SvelteKit's `$lib` alias when no tsconfig `paths` maps it: its tsconfig is generated at build time
   * (`.svelte-kit/tsconfig.json`, absent in a checkout), and its default is `$lib` → `src/lib` of the
   * project holding svelte.config.*, or the `kit.files.lib` it states (a `kit.alias` override is not read).
   */
  private svelteKitLibBase(fromFile: string, specifier: string): string | undefined {
    if (specifier !== '$lib' && !specifier.startsWith('$lib/')) return undefined;
    const project = this.svelteProjectOf(path.dirname(fromFile));
    if (!project) return undefined;
    const candidate = path.join(project, this.svelteLibFolder(project), specifier.slice('$lib'.length));
    return this.exists(candidate) ? candidate : undefined;
  }

  /**
   * The path aliases WXT and Nuxt make (`@/` and `~/` for the source folder, `@@/` and `~~/` for the project): they are
   * in the tsconfig that `wxt prepare` or `nuxi prepare` writes (`.wxt/tsconfig.json`, `.nuxt/tsconfig.json`), which a
   * checkout does not hold; the project's tsconfig only extends it (page-assist's `import { pageAssistEmbeddingModel }
   * from "@/models/embedding"`, chat-ollama's `import { createChatModel } from '@/server/utils/models'`). Asked after the
   * tsconfig's own `paths`, which win where the project states them.
   */
  private frameworkAliasBase(fromFile: string, specifier: string): string | undefined {
    const alias = /^(@@|~~|@|~)\/(.+)$/.exec(specifier);
    if (!alias) return undefined;
    for (const framework of ALIAS_FRAMEWORKS) {
      let byFolder = this.aliasProjectByFolder.get(framework);
      if (!byFolder) this.aliasProjectByFolder.set(framework, (byFolder = new Map()));
      const project = this.nearestFolderWith(path.dirname(fromFile), framework.configFiles, byFolder);
      if (!project) continue;
      const folders = alias[1].length === 2 ? [project] : this.sourceFoldersOf(project, framework);
      for (const folder of folders) {
        const candidate = path.join(folder, alias[2]);
        if (this.exists(candidate)) return candidate;
      }
    }
    return undefined;
  }

  /** The folders `@/` may stand for in a framework's project: the `srcDir` its config states as a literal, else its defaults. */
  private sourceFoldersOf(project: string, framework: AliasFramework): string[] {
    let stated = this.aliasSourceFolders.get(framework);
    if (!stated) this.aliasSourceFolders.set(framework, (stated = new Map()));
    const folder = this.statedFolder(project, framework.configFiles, SOURCE_FOLDER, stated);
    return (folder === undefined ? framework.defaultSourceFolders : [folder]).map((relative) => path.join(project, relative));
  }

  /** The lib folder of a SvelteKit project: `kit.files.lib` when its svelte.config states it as a literal, else `src/lib`. */
  private svelteLibFolder(project: string): string {
    return this.statedFolder(project, SVELTE_CONFIG_FILES, SVELTE_LIB_FOLDER, this.svelteLibFolders) ?? path.join('src', 'lib');
  }

  /**
   * A folder a framework project's config states (`stated`'s first group, in the first of `configFiles` there, as a
   * literal relative path that stays inside the project), relative to the project; undefined when it states none. Read
   * once per project (kept in `byProject`).
   */
  private statedFolder(project: string, configFiles: readonly string[], stated: RegExp, byProject: Map<string, string | null>): string | undefined {
    const known = byProject.get(project);
    if (known !== undefined) return known ?? undefined;
    let found: string | null = null;
    for (const name of configFiles) {
      this.consultedPaths.add(path.join(project, name));
      try {
        const text = fs.readFileSync(path.join(project, name), 'utf8');
        const folder = stated.exec(text.slice(0, MAX_SETTINGS_FILE_BYTES))?.[1];
        if (folder && !path.isAbsolute(folder) && !folder.split(/[\\/]/).includes('..')) found = folder;
        break;
      } catch {
        continue;
      }
    }
    byProject.set(project, found);
    return found ?? undefined;
  }

  private svelteProjectOf(folder: string): string | null {
    return this.nearestFolderWith(folder, SVELTE_CONFIG_FILES, this.svelteProjectByFolder);
  }

  /** The nearest folder at or above `folder`, inside the workspace, holding one of `configFiles` (a framework's project), or null; kept per folder in `byFolder`. */
  private nearestFolderWith(folder: string, configFiles: readonly string[], byFolder: Map<string, string | null>): string | null {
    const known = byFolder.get(folder);
    if (known !== undefined) return known;
    for (const name of configFiles) this.consultedPaths.add(path.join(folder, name));
    let found: string | null = configFiles.some((name) => fs.existsSync(path.join(folder, name))) ? folder : null;
    const parent = path.dirname(folder);
    if (found === null && folder.startsWith(this.root) && folder !== this.root && parent !== folder) found = this.nearestFolderWith(parent, configFiles, byFolder);
    byFolder.set(folder, found);
    return found;
  }

  /**
   * The base of a module of a package of this workspace (`@org/documents/embed`): the package folder
   * by its package.json `name`, then the `exports` entry for the subpath (`main`/`types` for the
   * package itself), and when that points at a build output that is not there (`dist/…`), the same
   * path under `src/`, then `src/<subpath>` and `<subpath>`. Undefined for packages from a registry.
   */
  private workspacePackageBase(specifier: string): string | undefined {
    // Asked for each lookup through the package (every imported name), and probing its entries takes several stats.
    if (this.packageBases.has(specifier)) return this.packageBases.get(specifier);
    const base = this.workspacePackageBaseUncached(specifier);
    this.packageBases.set(specifier, base);
    return base;
  }

  private readonly packageBases = new Map<string, string | undefined>();

  private workspacePackageBaseUncached(specifier: string): string | undefined {
    const match = /^((?:@[\w.-]+\/)?[\w.-]+)(?:\/(.+))?$/.exec(specifier);
    if (!match) return undefined;
    // The scan root's own package too: a library at the root whose examples import it by name (`@upstash/rag-chat`).
    const folder = this.packagesWithRoot().get(match[1]);
    if (!folder) return undefined;
    const sub = match[2];
    const found = this.packageEntryBase(folder, sub);
    if (found !== undefined || sub === undefined) return found;
    // `mem0ai/oss` built (by the package's bundler config) from a package nested in its folder, `src/oss/package.json`
    // with its own entry (`src/oss/src/index.ts`): that package's entry.
    for (const nested of [path.join(folder, 'src', sub), path.join(folder, sub)]) {
      this.consultedPaths.add(path.join(nested, 'package.json'));
      if (fs.existsSync(path.join(nested, 'package.json'))) return this.packageEntryBase(nested, undefined);
    }
    return undefined;
  }

  /** The source behind a package folder's declared entry for a subpath (its build output mapped back to `src`), or the conventional `src/<subpath>`. */
  private packageEntryBase(folder: string, sub: string | undefined): string | undefined {
    const manifest = this.packageManifest(folder);
    const declared = declaredEntries(manifest, sub).map((target) => path.resolve(folder, target));
    const fromBuild = declared.map((target) => target.replace(/([\\/])(?:dist|build|lib|out)([\\/])/, '$1src$2').replace(/\.d\.ts$|\.(?:m|c)?js$/, ''));
    const conventional = [path.join(folder, 'src', sub ?? 'index'), path.join(folder, sub ?? 'index')];
    for (const candidate of [...declared.map((target) => target.replace(/\.d\.ts$/, '')), ...fromBuild, ...conventional]) {
      if (!candidate.startsWith(folder)) continue;
      if (this.exists(candidate)) return candidate;
    }
    return undefined;
  }

  /**
   * Whether a file belongs to a package published for others to import: its nearest package.json in the workspace names
   * an entry point (`main`, `module`, `exports`, `types`, `typings`, `bin`) and is not marked private.
   */
  inPublishedPackage(absolutePath: string): boolean {
    for (let folder = path.dirname(absolutePath); folder.startsWith(this.root); folder = path.dirname(folder)) {
      const manifest = this.packageManifest(folder);
      // A folder with no package.json (or one that does not parse) reads as an empty manifest: look further up.
      if (Object.keys(manifest).length > 0) return manifest.private !== true && PUBLISHED_ENTRY_FIELDS.some((field) => field in manifest);
      if (folder === this.root) break;
    }
    return false;
  }

  /** A workspace package's package.json, read once per scan. */
  private readonly manifests = new Map<string, PackageManifest>();

  private packageManifest(folder: string): PackageManifest {
    this.consultedPaths.add(path.join(folder, 'package.json'));
    let manifest = this.manifests.get(folder);
    if (!manifest) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
      } catch {
        parsed = undefined;
      }
      // A package.json that does not read or parse as an object names no package and exports nothing.
      manifest = typeof parsed === 'object' && parsed !== null ? (parsed as PackageManifest) : {};
      this.manifests.set(folder, manifest);
    }
    return manifest;
  }

  private packageFolders(): Map<string, string> {
    if (this.workspacePackages) return this.workspacePackages;
    const found = new Map<string, string>();
    const visit = (folder: string, depth: number): void => {
      this.consultedPaths.add(folder);
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
      } catch {
        return;
      }
      if (depth > 0 && entries.some((entry) => entry.isFile() && entry.name === 'package.json')) {
        // Read through the manifest cache: the dependents search reads the same files again.
        const name = this.packageManifest(folder).name;
        if (typeof name === 'string' && !found.has(name)) found.set(name, folder);
      }
      if (depth >= 3) return;
      for (const entry of entries) if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules' && entry.name !== 'dist') visit(path.join(folder, entry.name), depth + 1);
    };
    visit(this.root, 0);
    this.workspacePackages = found;
    return found;
  }

  /** tsconfig/jsconfig `paths` of the nearest config above a file, read once per folder. */
  private readonly pathsByFolder = new Map<string, Array<{ prefix: string; suffix: string; targets: string[] }> | null>();

  /**
   * The absolute base a path alias (`@/lib/constants`, `~/utils/model`) stands for, from the `paths`
   * (and `baseUrl`) of the nearest tsconfig.json or jsconfig.json; undefined for packages.
   */
  private aliasBase(fromFile: string, specifier: string): string | undefined {
    const aliases = this.pathsFor(path.dirname(fromFile));
    for (const alias of aliases ?? []) {
      if (!specifier.startsWith(alias.prefix) || !specifier.endsWith(alias.suffix) || specifier.length < alias.prefix.length + alias.suffix.length) continue;
      const middle = specifier.slice(alias.prefix.length, specifier.length - alias.suffix.length);
      for (const target of alias.targets) {
        const candidate = target.replace('*', middle);
        if (this.exists(candidate)) return candidate;
      }
    }
    return undefined;
  }

  /**
   * The absolute base a package's subpath import stands for (`import fetch from '#root/src/api/fetch.js'` with
   * `"imports": { "#root/*": "./*" }` in the nearest package.json above the file): Node's own alias form, used where a
   * project has no tsconfig `paths`. A target given per condition (`{ "node": "./x.js", "default": "./y.js" }`) is read
   * for its first path; a target outside the package (another package's name) is not the workspace's.
   */
  private subpathImportBase(fromFile: string, specifier: string): string | undefined {
    if (!specifier.startsWith('#')) return undefined;
    for (let folder = path.dirname(fromFile); folder.startsWith(this.root); folder = path.dirname(folder)) {
      const manifest = this.packageManifest(folder);
      if (Object.keys(manifest).length > 0) {
        const imports = manifest.imports;
        if (typeof imports !== 'object' || imports === null) return undefined;
        for (const [pattern, target] of Object.entries(imports as Record<string, unknown>)) {
          const star = pattern.indexOf('*');
          const prefix = star === -1 ? pattern : pattern.slice(0, star);
          const suffix = star === -1 ? '' : pattern.slice(star + 1);
          const matches = star === -1 ? specifier === pattern : specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length;
          const relative = matches ? firstTargetPath(target) : undefined;
          if (!relative?.startsWith('./')) continue;
          const candidate = path.join(folder, star === -1 ? relative : relative.replace('*', specifier.slice(prefix.length, specifier.length - suffix.length)));
          if (this.exists(candidate)) return candidate;
        }
        return undefined;
      }
      if (folder === this.root) break;
    }
    return undefined;
  }

  private pathsFor(folder: string): Array<{ prefix: string; suffix: string; targets: string[] }> | null {
    const known = this.pathsByFolder.get(folder);
    if (known !== undefined) return known;
    let found: Array<{ prefix: string; suffix: string; targets: string[] }> | null = null;
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const config = path.join(folder, name);
      this.consultedPaths.add(config);
      if (!fs.existsSync(config)) continue;
      found = readPaths(config, this.root, this.consultedPaths) ?? [];
      break;
    }
    const parent = path.dirname(folder);
    if (found === null && folder.startsWith(this.root) && folder !== this.root && parent !== folder) found = this.pathsFor(parent);
    this.pathsByFolder.set(folder, found);
    return found;
  }
}

/** The package.json fields naming what a package hands to those who install it. */
const PUBLISHED_ENTRY_FIELDS = ['main', 'module', 'exports', 'types', 'typings', 'bin'] as const;

/** The fields of a package.json that say where its modules are. */
interface PackageManifest {
  name?: unknown;
  private?: unknown;
  bin?: unknown;
  main?: unknown;
  types?: unknown;
  typings?: unknown;
  module?: unknown;
  exports?: unknown;
  imports?: unknown;
  dependencies?: unknown;
  devDependencies?: unknown;
  peerDependencies?: unknown;
  optionalDependencies?: unknown;
}

/** The path a package.json `imports` target names: the string itself, or the first one a conditions object gives (depth-first). */
function firstTargetPath(target: unknown, depth = 0): string | undefined {
  if (typeof target === 'string') return target;
  if (typeof target !== 'object' || target === null || Array.isArray(target) || depth > 3) return undefined;
  for (const value of Object.values(target)) {
    const found = firstTargetPath(value, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Whether a package.json lists a package among any of its dependency fields. */
function dependsOn(manifest: PackageManifest, name: string): boolean {
  return [manifest.dependencies, manifest.devDependencies, manifest.peerDependencies, manifest.optionalDependencies].some((field) => !!field && typeof field === 'object' && Object.prototype.hasOwnProperty.call(field, name));
}

/** SvelteKit's config file names. */
const SVELTE_CONFIG_FILES = ['svelte.config.js', 'svelte.config.ts', 'svelte.config.mjs', 'svelte.config.cjs'];
/** A framework whose generated tsconfig maps `@/`, `~/`, `@@/` and `~~/`: its config files, and where `@/` points when the config states no `srcDir`. */
interface AliasFramework {
  configFiles: readonly string[];
  defaultSourceFolders: readonly string[];
}

/**
 * WXT's `@/` is the project unless `srcDir` says otherwise; Nuxt's is the project in Nuxt 3 and `app/` in Nuxt 4, so
 * both are tried, the project first.
 */
const ALIAS_FRAMEWORKS: readonly AliasFramework[] = [
  { configFiles: ['wxt.config.ts', 'wxt.config.js', 'wxt.config.mts', 'wxt.config.mjs'], defaultSourceFolders: [''] },
  { configFiles: ['nuxt.config.ts', 'nuxt.config.js', 'nuxt.config.mts', 'nuxt.config.mjs'], defaultSourceFolders: ['', 'app'] },
];
/** `kit: { files: { lib: 'app/lib' } }` in svelte.config; `srcDir: 'src'` in wxt.config or nuxt.config. */
const SVELTE_LIB_FOLDER = /\bfiles\s*:\s*\{[^}]*?\blib\s*:\s*['"]([^'"]+)['"]/;
const SOURCE_FOLDER = /\bsrcDir\s*:\s*['"`]([^'"`]+)['"`]/;

/** Export conditions read in this order: the source-facing ones first (types, then the import/require/default builds). */
const EXPORT_CONDITIONS = ['types', 'import', 'module', 'require', 'node', 'default'];

/**
 * The files a package.json declares for a subpath (`undefined` is the package itself): its `exports`
 * entry (a string, a conditions object, nested; a `./x/*` pattern), else `types`/`main`/`module` for
 * the package itself. Relative to the package folder.
 */
export function declaredEntries(manifest: PackageManifest, sub: string | undefined): string[] {
  const key = sub === undefined ? '.' : `./${sub}`;
  const targets: string[] = [];
  const collect = (value: unknown, depth: number): void => {
    if (depth > 4 || value === null || value === undefined) return;
    if (typeof value === 'string') targets.push(value);
    else if (Array.isArray(value)) for (const item of value) collect(item, depth + 1);
    else if (typeof value === 'object') {
      const conditions = value as Record<string, unknown>;
      for (const condition of [...EXPORT_CONDITIONS, ...Object.keys(conditions).filter((name) => !EXPORT_CONDITIONS.includes(name))]) collect(conditions[condition], depth + 1);
    }
  };
  const exportsField = manifest.exports;
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) {
    if (key === '.') collect(exportsField, 0);
  } else if (exportsField && typeof exportsField === 'object') {
    const map = exportsField as Record<string, unknown>;
    const isSubpathMap = Object.keys(map).some((name) => name.startsWith('.'));
    if (!isSubpathMap) {
      if (key === '.') collect(map, 0);
    } else if (key in map) collect(map[key], 0);
    else {
      for (const [pattern, value] of Object.entries(map)) {
        const star = pattern.indexOf('*');
        if (star < 0 || !key.startsWith(pattern.slice(0, star)) || !key.endsWith(pattern.slice(star + 1))) continue;
        const middle = key.slice(star, key.length - (pattern.length - star - 1));
        const before = targets.length;
        collect(value, 0);
        for (let index = before; index < targets.length; index++) targets[index] = targets[index].replace('*', middle);
      }
    }
  }
  if (key === '.') for (const field of [manifest.types, manifest.typings, manifest.main, manifest.module]) if (typeof field === 'string') targets.push(field);
  return [...new Set(targets)].filter((target) => target.startsWith('.') || !target.startsWith('/'));
}

/** `compilerOptions.paths` of a tsconfig (following one relative `extends`), as absolute target patterns. */
function readPaths(configFile: string, root: string, consulted: Set<string>, depth = 0): Array<{ prefix: string; suffix: string; targets: string[] }> | undefined {
  if (depth > 3) return undefined;
  consulted.add(configFile);
  try {
    const stat = fs.statSync(configFile);
    if (stat.size > MAX_SETTINGS_FILE_BYTES) return undefined;
    const parsed = ts.parseConfigFileTextToJson(configFile, fs.readFileSync(configFile, 'utf8'));
    const config = parsed.config as { extends?: unknown; compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } } | undefined;
    const folder = path.dirname(configFile);
    const options = config?.compilerOptions;
    if (!options?.paths && typeof options?.baseUrl !== 'string') {
      const parent = typeof config?.extends === 'string' && config.extends.startsWith('.') ? path.resolve(folder, config.extends.endsWith('.json') ? config.extends : `${config.extends}.json`) : undefined;
      return parent && parent.startsWith(root) ? readPaths(parent, root, consulted, depth + 1) : undefined;
    }
    const base = path.resolve(folder, options.baseUrl ?? '.');
    const mapped = Object.entries(options.paths ?? {}).map(([pattern, targets]) => {
      const star = pattern.indexOf('*');
      return { prefix: star >= 0 ? pattern.slice(0, star) : pattern, suffix: star >= 0 ? pattern.slice(star + 1) : '', targets: (Array.isArray(targets) ? targets : []).map((target) => path.resolve(base, target)) };
    });
    // A stated baseUrl also resolves any bare specifier below it (`import { X } from 'src/Services/X'` with baseUrl "."),
    // after the paths: a module found there is the workspace's, anything else a package.
    return typeof options.baseUrl === 'string' ? [...mapped, { prefix: '', suffix: '', targets: [path.join(base, '*')] }] : mapped;
  } catch {
    return undefined;
  }
}

/**
 * TypeScript text whose default export is the kept config values as nested objects, each leaf on the
 * line it has in the real file (so `where` points there).
 */
function settingsModuleText(kept: Map<string, SettingValue>, emptyEntries: readonly string[] = []): string {
  interface Tree { [key: string]: Tree | SettingValue }
  const tree: Tree = {};
  for (const [key, value] of kept) {
    const parts = key.split('.');
    let node = tree;
    for (const part of parts.slice(0, -1)) node = (node[part] && !('value' in node[part]) ? node[part] : (node[part] = {})) as Tree;
    node[parts[parts.length - 1]] = value;
  }
  // Entries beside kept ones with nothing kept (`tools.coder: {}`), after them so kept values keep their order and lines.
  for (const entry of emptyEntries) {
    const parts = entry.split('.');
    let node: Tree | undefined = tree;
    for (const part of parts.slice(0, -1)) node = node?.[part] && !('value' in node[part]) ? (node[part] as Tree) : undefined;
    const last = parts[parts.length - 1];
    if (node && !(last in node)) node[last] = {};
  }
  let text = 'export default ';
  let line = 1;
  const emit = (node: Tree): void => {
    text += '{';
    for (const [key, child] of Object.entries(node)) {
      if ('value' in child && typeof child.value === 'string') {
        const leaf = child as SettingValue;
        while (line < leaf.line) {
          text += '\n';
          line++;
        }
        text += `${JSON.stringify(key)}: ${JSON.stringify(leaf.value)}, `;
      } else {
        text += `${JSON.stringify(key)}: `;
        emit(child as Tree);
        text += ', ';
      }
    }
    text += '}';
  };
  emit(tree);
  return `${text};\n`;
}
