import * as path from 'node:path';
import { Node, SyntaxKind, ts, type CallExpression, type InterfaceDeclaration, type PropertyAccessExpression, type StringLiteral, type TypeLiteralNode } from 'ts-morph';
import type { StepLimit } from '../../model/types';
import type { ModuleLoader } from './modules';
import { enclosingFunction, findDeclaration, getObjectProperty, importSpecifierOf, resolveObjectLiteral, resolveString } from './resolve';
import { staticPath } from './prompt';

/**
 * What the code around a request does with the reply when it asks for JSON by prompt rather than by an API
 * option: it parses the reply and checks it against a schema or type (a validator's `validate`, zod's
 * `safeParse`/`parse`), which is structured output all the same; and it may send the request again in a loop
 * with the validation error appended ("repair"), which makes one call several requests.
 */
export interface ValidatedReply {
  /** Why the reply is structured output (the parse and the check). */
  structured: string;
  /** Set when a failed check re-sends the request with the error: the steps and why. */
  repair?: StepLimit;
}

/** A check of a parsed value against a schema: `validator.validate(x)`, `schema.parse(x)`, `ajv.validate(s, x)`, `validateOrder(x)`, zod's `X.safeParse(x)`. */
const SCHEMA_CHECK = /(?:\b[\w$]*(?:validator|validate|schema|Schema|ajv|zod)[\w$]*(?:\.[\w$]+)*\.(?:validate\w*|safeParse(?:Async)?|parse(?:Async)?|check|assert)|\bvalidate[A-Z]?\w*|\.safeParse(?:Async)?)$/;
/** A zod schema's declaration: `const Invoice = z.object({...})`. */
const ZOD_SCHEMA = /^z\s*\.\s*\w+\s*\(/;

/** `Invoice.parse(x)` where `Invoice` is declared as a zod schema. */
function parsesWithZodSchema(node: CallExpression): boolean {
  const callee = node.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !/^parse(Async)?$/.test(callee.getName())) return false;
  const receiver = callee.getExpression();
  if (!Node.isIdentifier(receiver)) return false;
  // Read off the file's own declarations (a schema declared in this file, as the type checker's symbol would give): asking
  // the checker builds a program over the whole project on its first question.
  const name = receiver.getText();
  return node.getSourceFile().getDescendantsOfKind(SyntaxKind.VariableDeclaration).some((declaration) => declaration.getName() === name && ZOD_SCHEMA.test(declaration.getInitializer()?.getText() ?? ''));
}
/**
 * Whether the function calls `JSON.parse` after `end`, read on the compiler's nodes: most requests' replies are not
 * parsed, and wrapping every call of the function (as the full test does) for each caller site of a helper was a
 * twentieth of the caller search on midday.
 */
function parsesJsonAfter(holder: Node, end: number): boolean {
  const tree = holder.getSourceFile().compilerNode;
  const visit = (node: ts.Node): boolean | undefined => (ts.isCallExpression(node) && node.getStart(tree) > end && node.expression.getText(tree) === 'JSON.parse') || ts.forEachChild(node, visit);
  return ts.forEachChild(holder.compilerNode, visit) === true;
}

/** What a repair turn carries: the validation error, or a prompt made to repair. */
const REPAIR_WORDS = /(repair|validat|error|issue|invalid)/i;

/** The reply handling after `call` in its function, or undefined when the code neither parses nor checks it. */
export function validatedReplyOf(call: Node): ValidatedReply | undefined {
  const holder = enclosingFunction(call);
  if (!holder || !parsesJsonAfter(holder, call.getEnd())) return undefined;
  const after = holder.getDescendantsOfKind(SyntaxKind.CallExpression).filter((node) => node.getStart() > call.getEnd());
  const parse = after.find((node) => node.getExpression().getText() === 'JSON.parse');
  const check = after.find((node) => node.getExpression().getText() !== 'JSON.parse' && (SCHEMA_CHECK.test(node.getExpression().getText()) || parsesWithZodSchema(node)));
  if (!parse || !check) return undefined;
  const line = (node: Node): number => node.getStartLineNumber();
  const structured = `the reply is parsed as JSON (line ${line(parse)}) and checked with \`${check.getExpression().getText()}\` (line ${line(check)})`;
  const repair = repairLoopOf(call, holder, check);
  return repair ? { structured, repair } : { structured };
}

/**
 * A loop around the request that, when the check fails, appends a turn carrying the error to the messages it
 * sends (`prompt.push({ role: 'user', content: createRepairPrompt(validation.message) })`) and goes round again.
 */
function repairLoopOf(call: Node, holder: Node, check: CallExpression): StepLimit | undefined {
  let loop: Node | undefined;
  for (let current = call.getParent(); current && current !== holder; current = current.getParent()) {
    if (Node.isWhileStatement(current) || Node.isDoStatement(current) || Node.isForStatement(current)) {
      loop = current;
      break;
    }
  }
  if (!loop || check.getStart() > loop.getEnd()) return undefined;
  const sent = new Set(
    (Node.isCallExpression(call) ? call.getArguments() : [])
      .flatMap((argument) => [argument, ...argument.getDescendantsOfKind(SyntaxKind.Identifier)])
      .filter(Node.isIdentifier)
      .map((identifier) => identifier.getText()),
  );
  const appended = loop.getDescendantsOfKind(SyntaxKind.CallExpression).find((node) => {
    const callee = node.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !/^(push|concat|unshift)$/.test(callee.getName())) return false;
    if (!sent.has(callee.getExpression().getText())) return false;
    return node.getStart() > check.getStart() && node.getArguments().some((argument) => REPAIR_WORDS.test(argument.getText()));
  });
  if (!appended) return undefined;
  const max = stepCap(loop);
  const where = `request in a loop that re-sends it with the validation error appended (repair, line ${appended.getStartLineNumber()}${max !== null ? `, at most ${max} requests` : ''})`;
  return { max, basis: where, repair: true };
}

/** A cap the loop states: `i < N` in a `for`, or a flag that allows one repair (`if (!attemptRepair) return ...; ...; attemptRepair = false`). */
function stepCap(loop: Node): number | null {
  if (Node.isForStatement(loop)) {
    const bound = /<(=?)\s*(\d+)\s*$/.exec(loop.getCondition()?.getText() ?? '');
    if (bound) return Number(bound[2]) + (bound[1] ? 1 : 0);
  }
  for (const assignment of loop.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    if (assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken || assignment.getRight().getText() !== 'false') continue;
    const flag = assignment.getLeft().getText();
    const guarded = loop.getDescendantsOfKind(SyntaxKind.IfStatement).some((statement) => statement.getExpression().getText().replace(/\s/g, '') === `!${flag}` && /^\s*\{?\s*(return|throw|break)\b/.test(statement.getThenStatement().getText()));
    if (guarded) return 2;
  }
  return null;
}

/** The schema a caller's reply is checked against, as far as the code names it. */
export interface OutputSchema {
  name: string;
  /**
   * `labels`: every field is one of fixed values (`sentiment: 'negative' | 'neutral' | 'positive'`, `z.enum([...])`, a
   * boolean verdict); `actions`: every member is a function signature (an API the answer calls).
   */
  shape?: 'labels' | 'actions';
}

const ZOD_LABEL_FIELD = /^z\s*\.\s*(enum|literal|nativeEnum|boolean)\s*\(|^z\s*\.\s*union\s*\(\s*\[\s*z\s*\.\s*literal\s*\(/;

/**
 * A JSON schema written as an object literal (`{ type: 'object', properties: { extract: { type: 'boolean' } } }`, what
 * a caller hands its helper as `options.schema`): `labels` when every property is a boolean or one of fixed values
 * (`enum`), a verdict; named by its properties. Undefined for anything else.
 */
export function jsonObjectSchemaOf(value: Node, modules: ModuleLoader): OutputSchema | undefined {
  const schema = resolveObjectLiteral(value, modules);
  const properties = schema && Node.isObjectLiteralExpression(schema) ? resolveObjectLiteral(getObjectProperty(schema, 'properties', modules), modules) : undefined;
  if (!properties || !Node.isObjectLiteralExpression(properties)) return undefined;
  const fields = properties.getProperties().filter((field) => Node.isPropertyAssignment(field));
  if (fields.length === 0) return undefined;
  const fixed = fields.every((field) => {
    const definition = resolveObjectLiteral(field.getInitializer(), modules);
    if (!definition || !Node.isObjectLiteralExpression(definition)) return false;
    const type = getObjectProperty(definition, 'type', modules);
    return (type !== undefined && resolveString(type, modules).value === 'boolean') || getObjectProperty(definition, 'enum', modules) !== undefined;
  });
  const name = `{ ${fields.map((field) => field.getName()).join(', ')} }`;
  return fixed ? { name, shape: 'labels' } : { name };
}

/**
 * The output schema behind the object a request's caller goes through (`translator.translate(request)` on a
 * `createJsonTranslator(model, validator)` whose validator is `createValidator<SentimentResponse>(...)` or made
 * from a zod `z.object({...})`): the type argument or zod schema found by following the receiver's
 * initializers a few steps, or undefined.
 */
export function outputSchemaOf(site: Node, modules: ModuleLoader): OutputSchema | undefined {
  const callee = Node.isCallExpression(site) ? site.getExpression() : undefined;
  if (!callee || !Node.isPropertyAccessExpression(callee)) return undefined;
  return schemaIn(callee.getExpression(), modules, 0, new Set());
}

const MAX_SCHEMA_DEPTH = 8;

function schemaIn(node: Node, modules: ModuleLoader, depth: number, seen: Set<Node>, named?: string): OutputSchema | undefined {
  if (depth > MAX_SCHEMA_DEPTH || seen.has(node)) return undefined;
  seen.add(node);
  if (Node.isIdentifier(node)) {
    const declaration = findDeclaration(node, modules);
    if (declaration && Node.isVariableDeclaration(declaration)) {
      const initializer = declaration.getInitializer();
      if (!initializer) return undefined;
      const zod = zodObjectSchema(initializer, declaration.getName());
      return zod ?? schemaIn(initializer, modules, depth + 1, seen, named);
    }
    return undefined;
  }
  if (Node.isObjectLiteralExpression(node)) {
    // A map of schemas (`{ Cart, LineItem }`) handed on with the type's name (`createValidator(schemas, 'Cart')`): that one.
    const properties = [...node.getProperties()].sort((a, b) => Number(propertyName(b) === named) - Number(propertyName(a) === named));
    for (const property of properties) {
      const value = Node.isShorthandPropertyAssignment(property) ? property.getNameNode() : Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
      const found = value && schemaIn(value, modules, depth + 1, seen);
      if (found) return found;
    }
    return undefined;
  }
  if (!Node.isCallExpression(node)) return undefined;
  for (const typeArgument of node.getTypeArguments()) {
    if (!Node.isTypeReference(typeArgument)) continue;
    const name = typeArgument.getTypeName();
    if (!Node.isIdentifier(name)) continue;
    const found = typeSchema(typeDeclaration(name, modules));
    if (found) return found;
  }
  // A schema kept as a TypeScript file the code reads as text (`readFileSync(path.join(__dirname, 'mathSchema.ts'))`).
  if (/(^|\.)readFileSync$/.test(node.getExpression().getText()) && node.getArguments()[0]) {
    const file = staticPath(node.getArguments()[0], node.getSourceFile().getDirectoryPath(), modules);
    if (!file || !/\.ts$/.test(file)) return undefined;
    const schemaFile = modules.resolve(node.getSourceFile(), `./${path.relative(node.getSourceFile().getDirectoryPath(), file).split(path.sep).join('/')}`);
    if (!schemaFile) return undefined;
    const types: Node[] = [...schemaFile.getInterfaces(), ...schemaFile.getTypeAliases()];
    const chosen = (named ? types.find((type) => (type as InterfaceDeclaration).getName() === named) : undefined) ?? types.find((type) => typeSchema(type)?.shape === 'actions') ?? types[0];
    return typeSchema(chosen);
  }
  // `Cart.describe('...')`, `schema.strict()`: a method on a schema value gives back that schema.
  const callee = node.getExpression();
  if (Node.isPropertyAccessExpression(callee) && Node.isIdentifier(callee.getExpression())) {
    const found = schemaIn(callee.getExpression(), modules, depth + 1, seen, named);
    if (found) return found;
  }
  const typeName = node.getArguments().find((argument) => Node.isStringLiteral(argument) || Node.isNoSubstitutionTemplateLiteral(argument));
  for (const argument of node.getArguments()) {
    const found = schemaIn(argument, modules, depth + 1, seen, typeName ? (typeName as StringLiteral).getLiteralText() : named);
    if (found) return found;
  }
  return undefined;
}

function propertyName(property: Node): string | undefined {
  return Node.isShorthandPropertyAssignment(property) || Node.isPropertyAssignment(property) ? property.getName() : undefined;
}

/** An interface or type alias named here or imported from a workspace module (value lookups do not follow types). */
function typeDeclaration(name: Node, modules: ModuleLoader): Node | undefined {
  const found = findDeclaration(name, modules);
  if (!found || !Node.isImportSpecifier(found)) return found;
  const specifier = importSpecifierOf(found);
  const target = specifier ? modules.resolve(found.getSourceFile(), specifier) : undefined;
  return target?.getInterface(found.getName()) ?? target?.getTypeAlias(found.getName());
}

/** An interface or object type alias as an output schema, with the shape its members say. */
function typeSchema(declaration: Node | undefined): OutputSchema | undefined {
  if (!declaration || !(Node.isInterfaceDeclaration(declaration) || Node.isTypeAliasDeclaration(declaration))) return undefined;
  const body = Node.isInterfaceDeclaration(declaration) ? declaration : declaration.getTypeNode();
  if (!body || !(Node.isInterfaceDeclaration(body) || Node.isTypeLiteral(body))) return undefined;
  const properties = (body as InterfaceDeclaration | TypeLiteralNode).getProperties();
  const methods = (body as InterfaceDeclaration | TypeLiteralNode).getMethods();
  if (properties.length + methods.length === 0) return undefined;
  const name = declaration.getName();
  if (methods.length > 0 && properties.every((property) => Node.isFunctionTypeNode(property.getTypeNode()))) return { name, shape: 'actions' };
  if (methods.length === 0 && properties.every((member) => isStringLiteralUnion(member.getTypeNode()) || member.getTypeNode()?.getText() === 'boolean')) return { name, shape: 'labels' };
  return { name };
}

function isStringLiteralUnion(type: Node | undefined): boolean {
  if (!type) return false;
  const parts = Node.isUnionTypeNode(type) ? type.getTypeNodes() : [type];
  return parts.length >= 2 && parts.every((part) => Node.isLiteralTypeNode(part) && Node.isStringLiteral(part.getLiteral()));
}

/** `z.object({ sentiment: z.enum([...]) })` declared as `name`. */
function zodObjectSchema(initializer: Node, name: string): OutputSchema | undefined {
  let call: Node = initializer;
  // `z.object({...}).describe(...)` / `.strict()`: the object call is the innermost receiver.
  while (Node.isCallExpression(call) && Node.isPropertyAccessExpression(call.getExpression()) && call.getExpression().getText() !== 'z.object') call = (call.getExpression() as PropertyAccessExpression).getExpression();
  if (!Node.isCallExpression(call) || call.getExpression().getText().replace(/\s/g, '') !== 'z.object') return undefined;
  const shape = call.getArguments()[0];
  if (!shape || !Node.isObjectLiteralExpression(shape)) return undefined;
  const fields = shape.getProperties().map((property) => (Node.isPropertyAssignment(property) ? property.getInitializer()?.getText() ?? '' : ''));
  if (fields.length === 0) return undefined;
  return fields.every((field) => ZOD_LABEL_FIELD.test(field)) ? { name, shape: 'labels' } : { name };
}
