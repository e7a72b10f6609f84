/**
 * What the name of a run-time value says about its size: the one reading of hole names that the
 * analyzers (which kind of hole, src/analyzers/shared/prompt.ts) and the token estimate (how many
 * tokens, src/core/estimate/tokens.ts) share. Imports nothing.
 */

/** The last identifier in an expression: `ticket.body` → body, `docs.join('\n')` → docs, `...history` → history. */
export function leafName(expression: string): string {
  const cleaned = expression.replace(/^\.\.\./, '').replace(/\([^()]*\)/g, '').replace(/\[[^\]]*\]/g, '');
  const parts = cleaned.split(/[.\s?!]+/).filter((part) => /^[A-Za-z_$][\w$]*$/.test(part));
  const meaningful = parts.filter((part) => !/^(join|map|trim|toString|slice|substring|substr|toLowerCase|toUpperCase|stringify|JSON|String|text)$/.test(part) || parts.length === 1);
  return meaningful[meaningful.length - 1] ?? parts[parts.length - 1] ?? cleaned;
}

/** The words of an identifier, lower case: `countryCode` → country code, `allowedHTMLElements` → allowed html elements, `zip_code` → zip code. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_$-]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

// A compound name is what its last word is (`ticketBody` is a body, `documentType` a type, not a document):
// the leaf and its last word are read against these classes, the short class first.
const SHORT_FIELD = /^(subject|title|name|first_?name|last_?name|username|question|query|q|prompt|label|id|uuid|slug|type|kind|mode|version|count|lang|language|locale|tone|topic|keyword|keywords|category|city|country|date|amount|price|sku|status|role|team|style|word|phrase|line|sentence|caption|tag|tags|url|email_?address)$/i;
const MESSAGE_LIKE = /(message|comment|review|feedback|description|body|text|content|input|answer|reply|summary|bio|note|notes|email|post|tweet|caption|snippet|excerpt|paragraph)s?$/i;
const DOCUMENT_LIKE = /(article|document|doc|docs|report|contract|essay|paper|chapter|story|letter|resume|cv|transcript|manuscript|page|html|markdown|pdf|filing|lease|policy|spec|listing)s?$/i;
const FILE_LIKE = /(file|files|source|code|diff|patch|repo|codebase|dump|log|logs|csv|json|xml|sql|schema)s?$/i;
/** Codes that are identifiers, not source: `countryCode` (DE), `currencyCode` (EUR), `statusCode` (404), `zipCode`. */
const IDENTIFIER_CODE = /^(country|currency|lang|language|locale|region|state|area|zip|postal|post|status|error|exit|response|http|iso|promo|coupon|discount|invite|referral|verification|auth|otp|access|reset|confirmation|color|colour|tax|product|airport|dial|phone)$/;

export type HoleNameClass = 'short' | 'message' | 'document' | 'file';

/** The size class a hole's leaf name reads as (`ticket.subject` short, `ticketBody` a message, `sourceCode` a file), or undefined when the name says nothing. */
export function holeNameClass(expression: string): HoleNameClass | undefined {
  const leaf = leafName(expression);
  const words = identifierWords(leaf);
  const lastWord = words[words.length - 1] ?? leaf;
  if (SHORT_FIELD.test(leaf) || SHORT_FIELD.test(lastWord)) return 'short';
  if (lastWord === 'code' && words.length > 1 && IDENTIFIER_CODE.test(words[words.length - 2])) return 'short';
  if (FILE_LIKE.test(lastWord)) return 'file';
  if (DOCUMENT_LIKE.test(lastWord)) return 'document';
  if (MESSAGE_LIKE.test(lastWord)) return 'message';
  return undefined;
}
