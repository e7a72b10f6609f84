/** Text as a regular expression that matches it literally (`a.b(` → `a\.b\(`): names, routes and glob parts built into patterns. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
