/**
 * `new URL(path, base)` as text, by the WHATWG rules that matter for endpoints: an absolute path
 * replaces the base's path (`new URL('/chat/completions', 'https://api.groq.com/openai/v1')` is
 * `https://api.groq.com/chat/completions`), a relative one replaces its last segment unless the
 * base ends with `/`. Run-time parts stay `{{expression}}`; when the base's origin is one of them
 * we cannot drop its path, so the parts are joined as written.
 */
export function joinUrl(path: string, base: string): string {
  if (/^[a-z][\w+.-]*:\/\//i.test(path)) return path;
  const parsed = /^([a-z][\w+.-]*:)(\/\/[^/?#]*)([^?#]*)/i.exec(base);
  if (!parsed) return base.endsWith('/') || path.startsWith('/') || path.startsWith('{{') ? base + path : `${base}/${path}`;
  const [, scheme, authority, basePath] = parsed;
  if (path.startsWith('//')) return scheme + path;
  if (path.startsWith('/')) return scheme + authority + path;
  const segments = (basePath || '/').split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    if (segment === '..') {
      if (segments.length > 1) segments.pop();
    } else if (segment !== '.') {
      segments.push(segment);
    }
  }
  return scheme + authority + segments.join('/');
}

/**
 * Bases that are the app's own origin (the page, the module, the incoming request): a URL built on
 * them is the app's route, like a path written alone.
 */
export const OWN_ORIGIN_BASE = /^(?:(?:window|self|globalThis|document)\.)?location\b|^document\.(?:baseURI|URL)\b|^import\.meta\.url$|^(?:req|request)\.(?:url|nextUrl)\b/;
