/** Text as a regular expression that matches it literally (`a.b(` → `a\.b\(`): names, routes and glob parts built into patterns. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A call's type arguments as regular-expression source (`<{ todos: Array<{ task: string }> }>`): angle brackets nested two
 * deep, no parentheses; the alternatives start with different characters, so a failed match never backtracks far.
 */
export const TYPE_ARGUMENTS = '<(?:[^<>()]|<(?:[^<>()]|<[^<>()]*>)*>)*>';
