/**
 * Which helper names the caller search tests each candidate file for (namesByCandidate): the names of the helpers
 * the file is a candidate of by itself, not every name of the round. A file importing one helper's package and
 * calling `db.execute(...)` must not be parsed for another package's tool `execute`.
 */
import assert from 'node:assert/strict';
import { namesByCandidate } from '../../../src/analyzers/shared/wrapperCallers';
import type { WorkspaceFile } from '../../../src/analyzers';

interface TestHelper {
  name: string;
  file: string;
  types?: string[];
}

/** A workspace's imports: file → the files it imports. Candidates of a set are the set and the files importing any of it, as the scan's are. */
function candidatesIn(imports: Record<string, string[]>, asked: string[][] = []): (files: ReadonlySet<string>) => WorkspaceFile[] {
  return (files) => {
    asked.push([...files].sort());
    return Object.keys(imports)
      .filter((file) => files.has(file) || imports[file].some((imported) => files.has(imported)))
      .map((file) => ({ absolutePath: file, relativePath: file.slice(1) }));
  };
}

const namesFor = (helpers: TestHelper[], imports: Record<string, string[]>, asked?: string[][]) =>
  namesByCandidate(
    helpers,
    (helper) => [helper.file, ...(helper.types ?? [])],
    (helper) => (helper.types ?? []).length > 0,
    candidatesIn(imports, asked),
    (helper) => [helper.name],
  );

const sorted = (names: Set<string> | undefined) => (names ? [...names].sort() : undefined);

describe('names each candidate file of the caller search is tested for', () => {
  const imports = {
    '/api/chat.ts': [],
    '/db/embeddings.ts': [],
    '/db/queries.ts': ['/db/embeddings.ts'],
    '/api/route.ts': ['/api/chat.ts'],
    '/api/both.ts': ['/api/chat.ts', '/db/embeddings.ts'],
  };
  const helpers: TestHelper[] = [
    { name: 'execute', file: '/api/chat.ts' },
    { name: 'embedCategory', file: '/db/embeddings.ts' },
  ];

  it("a file importing one helper's module is tested for that helper's names only", () => {
    const names = namesFor(helpers, imports);
    assert.deepEqual(sorted(names.get('/db/queries.ts')), ['embedCategory']);
    assert.deepEqual(sorted(names.get('/api/route.ts')), ['execute']);
  });

  it('a file importing both, and each helper in its own file, are tested for theirs', () => {
    const names = namesFor(helpers, imports);
    assert.deepEqual(sorted(names.get('/api/both.ts')), ['embedCategory', 'execute']);
    assert.deepEqual(sorted(names.get('/api/chat.ts')), ['execute']);
    assert.deepEqual(sorted(names.get('/db/embeddings.ts')), ['embedCategory']);
  });

  it("a helper held through a type reaches its type's importers' importers; one without types does not", () => {
    const layered = {
      '/llm/provider.ts': [],
      '/llm/openai.ts': ['/llm/provider.ts'],
      '/app/factory.ts': ['/llm/provider.ts'],
      '/app/feature.ts': ['/app/factory.ts'],
      '/app/util.ts': [],
      '/app/uses-util.ts': ['/app/util.ts'],
      '/app/uses-uses-util.ts': ['/app/uses-util.ts'],
    };
    const names = namesFor(
      [
        { name: 'complete', file: '/llm/openai.ts', types: ['/llm/provider.ts'] },
        { name: 'ask', file: '/app/util.ts' },
      ],
      layered,
    );
    assert.deepEqual(sorted(names.get('/app/feature.ts')), ['complete']);
    assert.deepEqual(sorted(names.get('/app/uses-util.ts')), ['ask']);
    assert.equal(names.get('/app/uses-uses-util.ts'), undefined);
  });

  it('helpers of the same file and types are asked for once', () => {
    const asked: string[][] = [];
    namesFor([...helpers, { name: 'embedMany', file: '/db/embeddings.ts' }], imports, asked);
    assert.deepEqual(asked, [['/api/chat.ts'], ['/db/embeddings.ts']]);
  });
});
