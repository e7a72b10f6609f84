import { Node, SyntaxKind, ts } from 'ts-morph';
import { wrapCompilerNode } from './calls';

/**
 * Names that say only that a value is a model's reply (`response`, `completion`, `result`): the name the code gives the
 * reply's text next (`query = response.content.toString()`) is asked instead. Compared in lower case, words joined.
 */
const REPLY_ONLY_NAMES = new Set([
  'response', 'res', 'resp', 'result', 'results', 'completion', 'completions', 'chatcompletion', 'output', 'out', 'reply',
  'data', 'message', 'msg', 'generation', 'generated', 'llmresponse', 'airesponse', 'modelresponse', 'llmresult', 'airesult',
  'raw', 'rawresponse', 'json', 'text', 'content', 'object', 'stream', 'parsed', 'r', 'x', 'value', 'body',
]);

/** The reply's fields an SDK hands back (`{ text }`, `{ object }`, `.choices[0].message.content`): a name for them is the reply's name. */
const REPLY_FIELDS = new Set(['text', 'object', 'content', 'output', 'output_text', 'outputText', 'choices', 'message', 'data', 'response', 'experimental_output']);

/**
 * The name the code gives a request's reply, when it gives one: `const summary = await generateText(...)`, `const {
 * object: verdict } = await generateObject(...)`, `this.title = (await llm.invoke(...)).content`, `{ category: await
 * classify(...) }`. When that name says only that it is a reply (`response`), the name given next to what is read from it
 * in the same function (`query = response.content.toString()`) instead. A name says what the code does with the answer,
 * as a function's name says what it asks for: the task classifier reads it as a hint.
 */
export function replyNameOf(call: Node): string | undefined {
  const named = nameReceiving(call);
  if (!named) return undefined;
  if (!isReplyOnly(named.name)) return named.name;
  const next = named.declaration ? nameReadFrom(named.declaration) : undefined;
  return next !== undefined && !isReplyOnly(next) ? next : undefined;
}

function isReplyOnly(name: string): boolean {
  return REPLY_ONLY_NAMES.has(name.replace(/[_$-]/g, '').toLowerCase());
}

/** The name the value of `node` is stored under, reading through `await`, parentheses, casts and reads of the reply's text. */
function nameReceiving(node: Node, into: { properties: boolean } = { properties: true }): { name: string; declaration?: Node } | undefined {
  const value = valueHolding(node);
  const holder = value.getParent();
  if (!holder) return undefined;
  if (Node.isVariableDeclaration(holder) && holder.getInitializer() === value) {
    const nameNode = holder.getNameNode();
    if (Node.isIdentifier(nameNode)) return { name: nameNode.getText(), declaration: nameNode };
    if (Node.isObjectBindingPattern(nameNode)) {
      // `const { text: title } = await generateText(...)`, `const { object } = ...`: the element that takes a field of the reply.
      const element = nameNode.getElements().find((candidate) => REPLY_FIELDS.has(candidate.getPropertyNameNode()?.getText() ?? candidate.getName()));
      const bound = element?.getNameNode();
      return bound && Node.isIdentifier(bound) ? { name: bound.getText(), declaration: bound } : undefined;
    }
    return undefined;
  }
  if (Node.isBinaryExpression(holder) && holder.getOperatorToken().getKind() === SyntaxKind.EqualsToken && holder.getRight() === value) {
    const target = holder.getLeft();
    if (Node.isIdentifier(target)) return { name: target.getText() };
    if (Node.isPropertyAccessExpression(target)) return { name: target.getName() };
    return undefined;
  }
  if (into.properties && Node.isPropertyAssignment(holder) && holder.getInitializer() === value) {
    const nameNode = holder.getNameNode();
    return Node.isIdentifier(nameNode) || Node.isStringLiteral(nameNode) ? { name: Node.isStringLiteral(nameNode) ? nameNode.getLiteralText() : nameNode.getText() } : undefined;
  }
  return undefined;
}

/** `node` and the expressions around it that still hold its value or its text: `await`, parentheses, casts, `.content`, `[0]`, `.toString()`. */
function valueHolding(node: Node): Node {
  let value = node;
  for (let parent = value.getParent(); parent; parent = value.getParent()) {
    const holds =
      Node.isAwaitExpression(parent) ||
      Node.isParenthesizedExpression(parent) ||
      Node.isAsExpression(parent) ||
      Node.isSatisfiesExpression(parent) ||
      Node.isNonNullExpression(parent) ||
      (Node.isPropertyAccessExpression(parent) && parent.getExpression() === value) ||
      (Node.isElementAccessExpression(parent) && parent.getExpression() === value) ||
      // `content ?? ''`, `text || fallback`: the value with a default for when it is missing.
      (Node.isBinaryExpression(parent) && parent.getLeft() === value && [SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken].includes(parent.getOperatorToken().getKind())) ||
      // `.toString()`, `.trim()`: a call of a method read off the value with no arguments still gives its text.
      (Node.isCallExpression(parent) && parent.getExpression() === value && Node.isPropertyAccessExpression(value) && parent.getArguments().length === 0);
    if (!holds) break;
    value = parent;
  }
  return value;
}

/** The first name given, later in the same function, to a value read from the variable declared at `declaration` (`query = response.content`). */
function nameReadFrom(declaration: Node): string | undefined {
  const name = declaration.getText();
  const scope = declaration.getFirstAncestor((ancestor) => Node.isFunctionLikeDeclaration(ancestor) || Node.isSourceFile(ancestor));
  if (!scope) return undefined;
  const after = declaration.getEnd();
  // On the compiler's nodes: wrapping every identifier of a long function in ts-morph objects costs more than the search.
  const uses: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (node.end <= after) return;
    if (ts.isIdentifier(node) && node.pos >= after && node.text === name) uses.push(node);
    ts.forEachChild(node, visit);
  };
  visit(scope.compilerNode);
  const sourceFile = declaration.getSourceFile();
  for (const use of uses) {
    const identifier = wrapCompilerNode(sourceFile, use);
    // Only the value itself or a read off it (`response.content`), not a property named alike (`x.response`).
    const parent = identifier.getParent();
    if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === identifier) continue;
    // Stored under a name of its own (`query = response.content`), not put into a result object (`{ reasoning: result.text }`),
    // whose field names say how the app passes the text on.
    const named = nameReceiving(identifier, { properties: false });
    if (named) return named.name;
  }
  return undefined;
}
