import { Node, SyntaxKind } from 'ts-morph';
import type { ModuleLoader } from './modules';
import { enterCall, likelyBranches, loadedCallsOf, modelCandidates, valueExpressions } from './modelValue';
import { findDeclaration, getObjectProperty, unwrapExpression } from './resolve';
import { classOfExpression, lineageOf, sameNode } from './shapes';

/**
 * Which implementation a provider selector hands out when nothing is configured. Apps pick their LLM or
 * embedding adapter in a factory: `switch (provider ?? process.env.LLM_PROVIDER ?? 'openai') { case
 * 'openai': return new OpenAiLLM(); ... default: return new NativeEmbedder(); }`. A call on the value it
 * returns may run any adapter, but a careful reader prices the default one: the case the selector's own
 * fallback names, or the `default:` clause when the selector has no value in the code or the example env
 * files. Syntactic only: nothing is run.
 */

/** How far a value is followed through variables, destructurings, spreads and factories. */
const MAX_DEPTH = 10;
/** Classes listed at most: a selector over more adapters than this is read for its first ones. */
const MAX_CLASSES = 60;
/** Superclass levels told apart when ranking an implementation by how near it is to the class made. */
const LINEAGE_SLOTS = 16;

/**
 * The classes a value may be an instance of, the likely one first: `new X()`, variables and
 * destructured properties holding one, and what workspace factories return, their `switch` read from
 * the clause the selector's default picks. Empty when the code does not say.
 */
export function likelyClasses(expression: Node, modules: ModuleLoader): Node[] {
  const found: Node[] = [];
  collectClasses(expression, modules, 0, found, new Set());
  return found;
}

/**
 * `items` reordered so that the one whose class is the likely value of a receiver comes first (stable
 * otherwise); `classOf` names each item's class. The receivers are asked in turn, the first whose
 * likely class is one of theirs decides: a call's own receiver, then what it was made with (the
 * embeddings a LangChain store was opened with). Unchanged when none says.
 */
export function likelyFirst<T>(items: readonly T[], receivers: readonly Node[], classOf: (item: T) => Node | undefined, modules: ModuleLoader): T[] {
  if (items.length < 2) return [...items];
  for (const receiver of receivers) {
    const ordered = likelyFirstBy(items, receiver, classOf, modules);
    if (ordered) return ordered;
  }
  return [...items];
}

/** `items` with the one whose class is the receiver's likely class first; undefined when the receiver's class is unknown or none of theirs. */
function likelyFirstBy<T>(items: readonly T[], receiver: Node, classOf: (item: T) => Node | undefined, modules: ModuleLoader): T[] | undefined {
  const classes = likelyClasses(receiver, modules);
  if (classes.length === 0) return undefined;
  // The likely class's own method before one it inherits (an override runs, not the base's).
  const unranked = classes.length * (LINEAGE_SLOTS + 1);
  const rank = (item: T): number => {
    const owner = classOf(item);
    if (!owner) return unranked;
    for (const [index, made] of classes.entries()) {
      const position = lineageOf(made, modules).findIndex((ancestor) => sameNode(ancestor, owner));
      if (position >= 0) return index * (LINEAGE_SLOTS + 1) + Math.min(position, LINEAGE_SLOTS);
    }
    return unranked;
  };
  const ranked = items.map((item, index) => ({ item, index, rank: rank(item) }));
  const best = Math.min(...ranked.map((entry) => entry.rank));
  if (best >= unranked) return undefined;
  // Only the likely one moves: the others keep the order they were found in.
  const first = ranked.find((entry) => entry.rank === best)!;
  return [first.item, ...ranked.filter((entry) => entry !== first).map((entry) => entry.item)];
}

/** The field a LangChain vector store holds its embeddings in, set by the base class's constructor from its first argument. */
const STORE_EMBEDDINGS_FIELD = 'embeddings';

/**
 * What a store class that extends another, and declares no embeddings field, hands its base class's constructor as the
 * embeddings: the first argument of its own constructor's `super(...)` (a parameter, whose values are what its callers
 * pass), or with no constructor of its own, the first argument of each place it is made in the project's loaded files
 * (loadedCallsOf).
 */
function storeConstructionEmbeddings(owner: Node | undefined): Node[] {
  if (!owner || !Node.isClassDeclaration(owner) || !owner.getExtends() || owner.getProperty(STORE_EMBEDDINGS_FIELD)) return [];
  const constructor = owner.getConstructors()[0];
  if (constructor) {
    const handed = constructor.getDescendantsOfKind(SyntaxKind.CallExpression).find((call) => call.getExpression().getKind() === SyntaxKind.SuperKeyword)?.getArguments()[0];
    return handed ? [handed] : [];
  }
  const name = owner.getName();
  return name ? loadedCallsOf(owner, name, owner).flatMap((made) => made.getArguments().slice(0, 1)) : [];
}

function collectClasses(expression: Node | undefined, modules: ModuleLoader, depth: number, found: Node[], seen: Set<Node>): void {
  if (!expression || depth > MAX_DEPTH || found.length >= MAX_CLASSES) return;
  const node = unwrapExpression(expression);
  if (seen.has(node)) return;
  seen.add(node);
  if (Node.isNewExpression(node)) {
    const made = classOfExpression(node.getExpression(), modules);
    if (made && !found.some((known) => sameNode(known, made))) found.push(made);
    return;
  }
  if (Node.isConditionalExpression(node)) {
    for (const branch of likelyBranches(node, modules)) collectClasses(branch, modules, depth + 1, found, seen);
    return;
  }
  if (Node.isBinaryExpression(node) && [SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken].includes(node.getOperatorToken().getKind())) {
    collectClasses(node.getLeft(), modules, depth + 1, found, seen);
    collectClasses(node.getRight(), modules, depth + 1, found, seen);
    return;
  }
  if (Node.isIdentifier(node)) {
    const declaration = findDeclaration(node, modules);
    if (!declaration) return;
    if (Node.isVariableDeclaration(declaration)) {
      collectClasses(declaration.getInitializer(), modules, depth + 1, found, seen);
      return;
    }
    // `function reply({ llm }) { llm.chat() }`, `function attach(target) { return target }`: what the call
    // being followed binds to the parameter, else what its callers pass (and the default).
    if (Node.isParameterDeclaration(declaration) || (Node.isBindingElement(declaration) && declaration.getFirstAncestorByKind(SyntaxKind.VariableDeclaration) === undefined)) {
      for (const value of valueExpressions(node, modules)) collectClasses(value, modules, depth + 1, found, seen);
      return;
    }
    // `const { connector: llm } = await resolveConnector(...)`: the property of what the right side is.
    if (Node.isBindingElement(declaration)) {
      const variable = declaration.getParent()?.getParent();
      if (!variable || !Node.isVariableDeclaration(variable)) return;
      const name = declaration.getPropertyNameNode()?.getText() ?? declaration.getName();
      collectProperty(variable.getInitializer(), name, modules, depth + 1, found, seen);
    }
    return;
  }
  // `this.providerInstance`: what the class assigns to the field.
  if (Node.isPropertyAccessExpression(node) && node.getExpression().getKind() === SyntaxKind.ThisKeyword) {
    const owner = node.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
    const assigned = fieldAssignments(owner, node.getName(), modules);
    for (const value of assigned) collectClasses(value, modules, depth + 1, found, seen);
    // LangChain's VectorStore keeps the embeddings its constructor is handed as `this.embeddings`: an app's store class that
    // leaves the field to its base holds what it is made with (page-assist's `new PAMemoryVectorStore(embeddings)`).
    if (assigned.length === 0 && node.getName() === STORE_EMBEDDINGS_FIELD) {
      for (const value of storeConstructionEmbeddings(owner)) collectClasses(value, modules, depth + 1, found, seen);
    }
    return;
  }
  // `api.llm` where `api` is a `ClientApi` whose constructor sets `this.llm` per provider: what that class assigns to the field.
  if (Node.isPropertyAccessExpression(node)) {
    const owners: Node[] = [];
    collectClasses(node.getExpression(), modules, depth + 1, owners, seen);
    for (const owner of owners) for (const value of fieldAssignments(owner, node.getName(), modules)) collectClasses(value, modules, depth + 1, found, seen);
    return;
  }
  if (Node.isCallExpression(node)) {
    const entered = enterCall(node, modules);
    if (!entered) return;
    try {
      for (const returned of likelyReturns(entered.returns, modules)) collectClasses(returned, modules, depth + 1, found, seen);
    } finally {
      entered.release();
    }
  }
}

/** The classes the property `name` of a value may hold: of object literals it is (spreads included) or a factory returns. */
function collectProperty(expression: Node | undefined, name: string, modules: ModuleLoader, depth: number, found: Node[], seen: Set<Node>): void {
  if (!expression || depth > MAX_DEPTH) return;
  const node = unwrapExpression(expression);
  if (Node.isObjectLiteralExpression(node)) {
    const property = getObjectProperty(node, name, modules);
    if (property) {
      collectClasses(property, modules, depth + 1, found, seen);
      return;
    }
    // `return { ...result, error: null }`: the property comes from a spread value.
    for (const spread of node.getProperties().filter(Node.isSpreadAssignment).reverse()) collectProperty(spread.getExpression(), name, modules, depth + 1, found, seen);
    return;
  }
  if (Node.isIdentifier(node)) {
    const declaration = findDeclaration(node, modules);
    if (declaration && Node.isVariableDeclaration(declaration)) collectProperty(declaration.getInitializer(), name, modules, depth + 1, found, seen);
    return;
  }
  if (Node.isCallExpression(node)) {
    const entered = enterCall(node, modules);
    if (!entered) return;
    try {
      for (const returned of likelyReturns(entered.returns, modules)) collectProperty(returned, name, modules, depth + 1, found, seen);
    } finally {
      entered.release();
    }
  }
}

/**
 * A function's returned expressions, the likely first: those of the `switch` clause its selector's
 * default picks come before the other clauses' (the written order otherwise).
 */
function likelyReturns(returns: readonly Node[], modules: ModuleLoader): Node[] {
  const clauseOf = (value: Node): Node | undefined => value.getFirstAncestor((ancestor) => Node.isCaseClause(ancestor) || Node.isDefaultClause(ancestor));
  const switches = [...new Set(returns.map((value) => clauseOf(value)?.getParent()?.getParent()).filter((node): node is Node => node !== undefined && Node.isSwitchStatement(node)))];
  const chosen = new Set(switches.map((statement) => defaultClause(statement, modules)).filter((clause): clause is Node => clause !== undefined));
  if (chosen.size === 0) return fallthroughFirst(returns);
  const inChosen = (value: Node): boolean => {
    const clause = clauseOf(value);
    return clause !== undefined && chosen.has(clause);
  };
  return [...returns.filter(inChosen), ...returns.filter((value) => !inChosen(value))];
}

/**
 * A selector written as a chain of guards (`if (isChromeModel) return new ChatChromeAI(); if (isCustom) { ...; return new
 * CustomChatOpenAI() } return new ChatOllama()`, page-assist's `pageAssistModel`): the return after the last guard, at the
 * function's own level, is what it hands out when no condition holds, as a `switch`'s default clause is. First when it
 * is the last return and every other sits under an `if`; the order found otherwise.
 */
function fallthroughFirst(returns: readonly Node[]): Node[] {
  const statementOf = (value: Node): Node | undefined => value.getFirstAncestorByKind(SyntaxKind.ReturnStatement);
  const last = returns.at(-1);
  const statement = last && statementOf(last);
  const body = statement?.getParent();
  const fn = body?.getParent();
  if (!statement || !body || !Node.isBlock(body) || !fn || !(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) || Node.isMethodDeclaration(fn))) return [...returns];
  const guarded = returns.slice(0, -1).every((value) => statementOf(value)?.getFirstAncestor((ancestor) => ancestor === body || Node.isIfStatement(ancestor)) !== body);
  return guarded && returns.length > 1 ? [last!, ...returns.slice(0, -1)] : [...returns];
}

/**
 * What a class assigns to `this.<name>` (`this.llm = new ChatGPTApi()`), the likely value first: an assignment in the
 * clause a `switch` on the constructor's selector runs by default before those of its other clauses.
 */
function fieldAssignments(owner: Node | undefined, name: string, modules: ModuleLoader): Node[] {
  if (!owner || !(Node.isClassDeclaration(owner) || Node.isClassExpression(owner))) return [];
  const values = owner
    .getDescendantsOfKind(SyntaxKind.BinaryExpression)
    .filter((assignment) => assignment.getOperatorToken().getKind() === SyntaxKind.EqualsToken && assignment.getLeft().getText() === `this.${name}`)
    .map((assignment) => assignment.getRight());
  const clauseOf = (value: Node): Node | undefined => value.getFirstAncestor((ancestor) => Node.isCaseClause(ancestor) || Node.isDefaultClause(ancestor));
  const switches = [...new Set(values.map((value) => clauseOf(value)?.getParent()?.getParent()).filter((node): node is Node => node !== undefined && Node.isSwitchStatement(node)))];
  const chosen = new Set(switches.map((statement) => defaultClause(statement, modules, (clause) => values.some((value) => clauseOf(value) === clause))).filter((clause): clause is Node => clause !== undefined));
  const inChosen = (value: Node): boolean => chosen.has(clauseOf(value) ?? value);
  return [...values.filter(inChosen), ...values.filter((value) => !inChosen(value))];
}

/**
 * The clause a `switch` runs when nothing is configured: the `case` whose literal is the discriminant's
 * likely value in the code (`provider ?? process.env.LLM_PROVIDER ?? 'openai'`: 'openai'), or the
 * `default:` clause when the code gives no value or one no case names. An empty case falls through to
 * the next clause with statements. Undefined when that clause returns nothing (`gives`: what the caller
 * looks for in it, a return unless told).
 */
function defaultClause(statement: Node, modules: ModuleLoader, gives: (clause: Node) => boolean = (clause) => clause.getDescendantsOfKind(SyntaxKind.ReturnStatement).length > 0): Node | undefined {
  if (!Node.isSwitchStatement(statement)) return undefined;
  const clauses = statement.getCaseBlock().getClauses();
  const value = modelCandidates(statement.getExpression(), modules).candidates[0]?.id;
  let index = value === undefined ? -1 : clauses.findIndex((clause) => Node.isCaseClause(clause) && literalText(clause.getExpression()) === value);
  if (index < 0) index = clauses.findIndex((clause) => Node.isDefaultClause(clause));
  if (index < 0) return undefined;
  while (index < clauses.length && clauses[index].getStatements().length === 0) index++;
  const clause = clauses[index];
  return clause && gives(clause) ? clause : undefined;
}

function literalText(expression: Node): string | undefined {
  const node = unwrapExpression(expression);
  return Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node) ? node.getLiteralValue() : undefined;
}
