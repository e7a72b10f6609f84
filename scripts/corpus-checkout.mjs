#!/usr/bin/env node
/**
 * `npm run corpus:checkout -- <mirror-root> <out-dir>`: extracts every pinned repository of the real-world
 * corpus (eval/real-world/corpus.d/*.json, plus eval/real-world/corpus.json when present) from bare git
 * directories under <mirror-root> into <out-dir>/<owner>__<name>/.
 *
 * The project's fetch tool leaves a repository as `<mirror-root>/<owner>+<name>/...` with the git dir
 * somewhere inside (often `repo/`); we look for a directory whose name starts with `<owner>+<name>` and
 * search it (a few levels deep) for a git dir that holds the pinned commit. Each extraction writes a
 * `.corpus-commit` marker, so a second run skips repositories already at their commit. When `git archive`
 * fails (a snapshot can lack its largest blobs), the source and config files are read blob by blob
 * instead; the files that could not be read are listed in `.corpus-missing`.
 *
 * Never runs code from the repositories; only git plumbing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CORPUS_DIR = path.join(HERE, '..', 'eval', 'real-world');
const MARKER = '.corpus-commit';
/** Files worth keeping when the archive cannot be written whole: what the scanner and a labeler read. */
const FALLBACK_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.vue', '.svelte', '.json', '.yml', '.yaml', '.toml', '.md', '.env.example', '.example.env'];
const GIT_DIR_SEARCH_DEPTH = 4;

function usage(message) {
  process.stderr.write(`corpus:checkout: ${message}\nusage: npm run corpus:checkout -- <mirror-root> <out-dir>\n`);
  process.exit(2);
}

/** The pinned repositories: corpus.d/*.json (one per file) and corpus.json (an array or {repositories}). */
export function readCorpus(corpusDir = CORPUS_DIR) {
  const entries = [];
  const dropIn = path.join(corpusDir, 'corpus.d');
  if (existsSync(dropIn)) {
    for (const name of readdirSync(dropIn).filter((n) => n.endsWith('.json')).sort()) {
      const file = path.join(dropIn, name);
      entries.push({ ...JSON.parse(readFileSync(file, 'utf8')), definedIn: file });
    }
  }
  const combined = path.join(corpusDir, 'corpus.json');
  if (existsSync(combined)) {
    const parsed = JSON.parse(readFileSync(combined, 'utf8'));
    const list = Array.isArray(parsed) ? parsed : (parsed.repositories ?? []);
    for (const entry of list) entries.push({ ...entry, definedIn: combined });
  }
  const byRepo = new Map();
  for (const entry of entries) {
    if (typeof entry.repo !== 'string' || !/^[^/\s]+\/[^/\s]+$/.test(entry.repo)) throw new Error(`${entry.definedIn}: "repo" must be "<owner>/<name>"`);
    if (typeof entry.commit !== 'string' || !/^[0-9a-f]{40}$/i.test(entry.commit)) throw new Error(`${entry.definedIn}: "commit" must be 40 hex digits`);
    const earlier = byRepo.get(entry.repo);
    if (earlier && earlier.commit !== entry.commit) throw new Error(`${entry.repo} is pinned twice, to ${earlier.commit} (${earlier.definedIn}) and ${entry.commit} (${entry.definedIn})`);
    byRepo.set(entry.repo, entry);
  }
  return [...byRepo.values()];
}

function git(gitDir, args, options = {}) {
  return spawnSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 1 << 30, ...options });
}

function isGitDir(dir) {
  return existsSync(path.join(dir, 'HEAD')) && existsSync(path.join(dir, 'objects')) && existsSync(path.join(dir, 'refs'));
}

/** Git dirs inside `dir` (itself, `.git`, or nested a few levels down), nearest first. */
function gitDirsUnder(dir, depth = GIT_DIR_SEARCH_DEPTH) {
  if (isGitDir(dir)) return [dir];
  if (depth === 0) return [];
  let children;
  try {
    children = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  } catch {
    return [];
  }
  const found = [];
  const dotGit = children.find((entry) => entry.name === '.git');
  if (dotGit && isGitDir(path.join(dir, '.git'))) found.push(path.join(dir, '.git'));
  for (const child of children.filter((entry) => entry.name !== '.git' && entry.name !== 'node_modules')) found.push(...gitDirsUnder(path.join(dir, child.name), depth - 1));
  return found;
}

/** Finds the git dir holding `commit` for `owner/name`; returns it with a sentence saying how. */
export function resolveGitDir(mirrorRoot, repo, commit) {
  const [owner, name] = repo.split('/');
  const prefix = `${owner}+${name}`;
  const candidates = readdirSync(mirrorRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.toLowerCase().startsWith(prefix.toLowerCase()))
    // Exact name first, then e.g. `<owner>+<name>@<commit>`; `<owner>+<name>2` is another repository.
    .filter((entry) => entry.name.length === prefix.length || !/[A-Za-z0-9]/.test(entry.name[prefix.length]))
    .sort((a, b) => a.name.length - b.name.length || a.name.localeCompare(b.name));
  const tried = [];
  for (const candidate of candidates) {
    for (const gitDir of gitDirsUnder(path.join(mirrorRoot, candidate.name))) {
      const has = git(gitDir, ['cat-file', '-e', `${commit}^{commit}`]).status === 0;
      tried.push(`${gitDir}${has ? '' : ' (commit absent)'}`);
      if (has) return { gitDir, how: `${repo}: ${path.relative(mirrorRoot, gitDir) || gitDir} (directory "${candidate.name}", git dir ${gitDir === path.join(mirrorRoot, candidate.name) ? 'at its top' : 'nested'}) has ${commit.slice(0, 12)}` };
    }
  }
  return { gitDir: null, how: candidates.length === 0 ? `${repo}: no directory named ${prefix}* under ${mirrorRoot} (fetch github:${repo} first)` : `${repo}: commit ${commit.slice(0, 12)} not found in ${tried.join(', ') || 'any git dir under ' + candidates.map((c) => c.name).join(', ')}` };
}

function wantedInFallback(file) {
  const lower = file.toLowerCase();
  return FALLBACK_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Extracts source files blob by blob, for snapshots whose archive fails on missing large blobs. */
export function extractBlobByBlob(gitDir, commit, target) {
  const listing = git(gitDir, ['ls-tree', '-r', '-z', commit]);
  if (listing.status !== 0) throw new Error(`git ls-tree failed: ${listing.stderr.toString().trim()}`);
  const blobs = listing.stdout.toString('utf8').split('\0').filter(Boolean).map((line) => {
    const tab = line.indexOf('\t');
    const [mode, type, sha] = line.slice(0, tab).split(' ');
    return { mode, type, sha, file: line.slice(tab + 1) };
  }).filter((entry) => entry.type === 'blob' && entry.mode !== '120000' && wantedInFallback(entry.file));
  const batch = git(gitDir, ['cat-file', '--batch'], { input: blobs.map((blob) => blob.sha).join('\n') + '\n' });
  const out = batch.stdout;
  const missing = [];
  let offset = 0;
  for (const blob of blobs) {
    const newline = out.indexOf(0x0a, offset);
    const header = out.subarray(offset, newline).toString('utf8');
    offset = newline + 1;
    if (header.endsWith(' missing')) {
      missing.push(blob.file);
      continue;
    }
    const size = Number(header.split(' ')[2]);
    const content = out.subarray(offset, offset + size);
    offset += size + 1;
    const destination = path.join(target, blob.file);
    mkdirSync(path.dirname(destination), { recursive: true });
    writeFileSync(destination, content);
  }
  return { written: blobs.length - missing.length, missing };
}

function extract(gitDir, commit, target) {
  const temporary = `${target}.tmp-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  let how;
  const archive = spawnSync('sh', ['-c', 'git --git-dir "$1" archive "$2" | tar -x -C "$3"', 'sh', gitDir, commit, temporary], { maxBuffer: 1 << 26 });
  if (archive.status === 0 && archive.stderr.length === 0) {
    how = 'git archive';
  } else {
    rmSync(temporary, { recursive: true, force: true });
    mkdirSync(temporary, { recursive: true });
    const { written, missing } = extractBlobByBlob(gitDir, commit, temporary);
    if (missing.length > 0) writeFileSync(path.join(temporary, '.corpus-missing'), missing.join('\n') + '\n');
    how = `blob by blob after git archive failed (${archive.stderr.toString().trim().split('\n')[0] || 'exit ' + archive.status}): ${written} files, ${missing.length} missing`;
  }
  writeFileSync(path.join(temporary, MARKER), commit + '\n');
  rmSync(target, { recursive: true, force: true });
  renameSync(temporary, target);
  return how;
}

function main(argv) {
  if (argv.length !== 2 || argv.some((arg) => arg.startsWith('-'))) usage('expected exactly two arguments');
  const [mirrorRoot, outDir] = argv.map((arg) => path.resolve(arg));
  if (!existsSync(mirrorRoot) || !statSync(mirrorRoot).isDirectory()) usage(`mirror root ${mirrorRoot} is not a directory`);
  let corpus;
  try {
    corpus = readCorpus();
  } catch (error) {
    usage(error.message);
  }
  if (corpus.length === 0) usage(`no pinned repositories in ${path.join(CORPUS_DIR, 'corpus.d')}`);
  mkdirSync(outDir, { recursive: true });
  let failed = 0;
  for (const { repo, commit } of corpus) {
    const target = path.join(outDir, repo.replace('/', '__'));
    const marker = path.join(target, MARKER);
    if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === commit) {
      console.log(`${repo}: already at ${commit.slice(0, 12)} in ${target}, skipped`);
      continue;
    }
    const { gitDir, how } = resolveGitDir(mirrorRoot, repo, commit);
    console.log(how);
    if (!gitDir) {
      failed++;
      continue;
    }
    try {
      const method = extract(gitDir, commit, target);
      console.log(`${repo}: extracted ${commit.slice(0, 12)} into ${target} (${method})`);
    } catch (error) {
      failed++;
      console.error(`${repo}: extraction failed: ${error.message}`);
    }
  }
  console.log(`${corpus.length - failed} of ${corpus.length} repositories checked out in ${outDir}`);
  process.exitCode = failed > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
