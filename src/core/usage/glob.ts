/** Globs over scan-root-relative POSIX paths (usage-file entries, --exclude/--include): their own module, so the CLI's reader thread loads no YAML parser. */

import { escapeRegExp } from '../../model/regExp';

/** Glob over POSIX paths: `**` any depth, `*` within a segment, `?` one char, `{a,b}` either. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        out += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) out += '\\{';
      else {
        out += `(?:${glob.slice(i + 1, end).split(',').map(escapeRegExp).join('|')})`;
        i = end;
      }
    } else out += escapeRegExp(c);
  }
  return new RegExp(`^${out}$`);
}

/** Whether a scan-root-relative path matches a glob; a glob without `/` matches the file name anywhere. */
export function matchesGlob(file: string, glob: string): boolean {
  const normalized = file.replace(/\\/g, '/').replace(/^\.\//, '');
  const pattern = glob.replace(/^\.\//, '');
  if (globToRegExp(pattern).test(normalized)) return true;
  return !pattern.includes('/') && globToRegExp(pattern).test(normalized.split('/').pop() ?? '');
}
