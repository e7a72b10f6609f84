import { ts, type Project, type SourceFile } from 'ts-morph';

type CompilerFactory = { getSourceFile(file: ts.SourceFile, options: { markInProject: boolean }): SourceFile };

/**
 * Parses a module into the project, like `project.createSourceFile(path, text, { overwrite: true })`,
 * but without parsing JSDoc, which no analyzer reads: on a cold scan of a 25 MB repo that is about
 * 0.1 s of the parse. ts-morph offers no public way to pass the parser's `jsDocParsingMode`, so the
 * compiler node is made here and handed to ts-morph's compiler factory (the analyzer tests fail if
 * that internal ever changes; without it, the public call is used).
 */
export function parseIntoProject(project: Project, filePath: string, text: string): SourceFile {
  const factory = (project as unknown as { _context?: { compilerFactory?: Partial<CompilerFactory> } })._context?.compilerFactory;
  if (typeof factory?.getSourceFile !== 'function') return project.createSourceFile(filePath, text, { overwrite: true });
  const existing = project.getSourceFile(filePath);
  if (existing) project.removeSourceFile(existing);
  // ts-morph drops a byte-order mark before parsing; positions then match what it would report.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const compilerFile = ts.createSourceFile(standardizedPath(filePath), source, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true);
  return (factory as CompilerFactory).getSourceFile(compilerFile, { markInProject: true });
}

/** ts-morph keys its files by absolute paths with forward slashes. */
function standardizedPath(filePath: string): string {
  return filePath.replace(/\\/g, '/');
}
