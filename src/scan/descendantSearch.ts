/**
 * A faster `Node#getDescendantsOfKind` for the scan. ts-morph walks the tree with nested
 * generators (`yield*` per level), so every node it visits is handed up through each level above
 * it: on the analyzers' searches of a whole file (tool lists handed on, class fields, destructured
 * bindings) that walk was the largest single cost of a cold scan after parsing (about 1.4 s of a
 * 30,000-file one). This walks the same compiler nodes with `ts.forEachChild`, in the same order,
 * and wraps only the matches, as ts-morph does.
 *
 * It stands in only where ts-morph itself walks with `forEachChild`: a kind of the parse tree
 * (not a token, not JSDoc) searched from a node that is not a SyntaxList. Everything else goes to
 * ts-morph's own method. ts-morph adds comment nodes to the first level of that walk; they have no
 * children and their kinds are trivia, so they can never match and are not visited here.
 * test/unit/scan/descendantSearch.test.ts checks both give the same nodes on real files.
 */
import { Node, SyntaxKind, ts } from 'ts-morph';

type GetDescendantsOfKind = Node['getDescendantsOfKind'];

let original: GetDescendantsOfKind | undefined;

/** ts-morph's own wrapper of a compiler node of the same file (cached per node); no public equivalent keeps it in this project. */
interface WrapsCompilerNodes {
  _getNodeFromCompilerNode(node: ts.Node): Node;
}

function searchesParseTree(node: Node, kind: SyntaxKind): boolean {
  return kind >= SyntaxKind.FirstNode && kind < SyntaxKind.FirstJSDocNode && node.compilerNode.kind !== SyntaxKind.SyntaxList;
}

/** The descendants of `node` of `kind`, in ts-morph's order (depth first, parents before children). */
export function descendantsOfKind(node: Node, kind: SyntaxKind): Node[] {
  if (!searchesParseTree(node, kind)) return (original ?? Node.prototype.getDescendantsOfKind).call(node, kind) as Node[];
  const matches: ts.Node[] = [];
  const visit = (child: ts.Node): void => {
    if (child.kind === kind) matches.push(child);
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node.compilerNode, visit);
  const wrapper = node as unknown as WrapsCompilerNodes;
  return matches.map((match) => wrapper._getNodeFromCompilerNode(match));
}

/** Makes every `getDescendantsOfKind` of this process use `descendantsOfKind`. Idempotent. */
export function installFastDescendantSearch(): void {
  if (original) return;
  original = Node.prototype.getDescendantsOfKind;
  Node.prototype.getDescendantsOfKind = function getDescendantsOfKind(this: Node, kind: SyntaxKind) {
    return descendantsOfKind(this, kind);
  } as GetDescendantsOfKind;
}

/** ts-morph's own method, for comparison in tests (the installed one once installed). */
export function originalGetDescendantsOfKind(node: Node, kind: SyntaxKind): Node[] {
  return (original ?? Node.prototype.getDescendantsOfKind).call(node, kind) as Node[];
}
