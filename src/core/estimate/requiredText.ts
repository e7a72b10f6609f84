/**
 * What text a regular expression cannot match without: a set of strings of which every match contains
 * at least one. A text holding none of them needs no `exec` at all, and a pattern never run is never
 * compiled: V8 compiles a pattern on its first run and again, to machine code, on its second, and for
 * the task classifier's hundred wording rules that compiling is most of what classifying costs (about
 * 100 ms per process, against well under a millisecond to run them over a prompt once compiled).
 *
 * The analysis is deliberately one-sided: it may answer "no requirement" where one exists, never a
 * requirement the pattern does not have. Only ASCII characters written plainly (or escaped punctuation)
 * become required text; classes, `.`, `\w`-style escapes, anchors, lookarounds, back references, optional
 * or repeated-from-zero parts and anything not understood break a run or impose nothing. Case-insensitive
 * patterns give lower-case strings, to be looked for in the lower-cased text: without the `u` flag a
 * case-insensitive ASCII letter matches only its own two cases (a non-ASCII character never matches an
 * ASCII one), and lower-casing a text keeps every ASCII letter's lower case in place.
 */

/** Strings of which a match contains at least one; undefined: no requirement found. */
export type RequiredText = readonly string[] | undefined;

/** The required text of a pattern (see the file comment); its flags decide the case. */
export function requiredText(pattern: RegExp): RequiredText {
  // With `u` or `v`, case-insensitive matching folds across scripts (`k` matches the Kelvin sign): not analysed.
  if (pattern.flags.includes('i') && /[uv]/.test(pattern.flags)) return undefined;
  const parser = new PatternParser(pattern.source, pattern.flags.includes('i'));
  const required = parser.alternation();
  // Anything left unread means the pattern was not understood: no requirement.
  return parser.done() ? required : undefined;
}

/** Whether `text` (and its lower-cased copy, for case-insensitive patterns) holds one of the required strings. */
export function mayMatch(required: RequiredText, text: string, lowerText: string, ignoreCase: boolean): boolean {
  if (required === undefined) return true;
  const haystack = ignoreCase ? lowerText : text;
  return required.some((needle) => haystack.includes(needle));
}

/** One element of a sequence: a plain character (joins its neighbours into a run) or a part with its own requirement. */
type Element = { char: string } | { required: RequiredText };

const PLAIN_ASCII = /^[\x20-\x7e]$/;
/** Escapes that stand for one literal punctuation character. */
const ESCAPED_LITERAL = /^[\\/.^$|?*+()[\]{}\-'"`:,;!#%&=<>@~ ]$/;

class PatternParser {
  private at = 0;

  constructor(
    private readonly source: string,
    private readonly ignoreCase: boolean,
  ) {}

  done(): boolean {
    return this.at === this.source.length;
  }

  /** `a|b|c` up to the end or a closing parenthesis: a match holds one of the alternatives' requirements. */
  alternation(): RequiredText {
    const alternatives: RequiredText[] = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      alternatives.push(this.sequence());
    }
    if (alternatives.some((alternative) => alternative === undefined)) return undefined;
    return [...new Set(alternatives.flatMap((alternative) => alternative ?? []))];
  }

  /** Elements up to `|`, `)` or the end: every one of them is required, so the most selective is kept. */
  private sequence(): RequiredText {
    const elements: Element[] = [];
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const element = this.element();
      const quantifier = this.quantifier();
      // An optional element may be absent: it requires nothing, and the characters around it are no longer adjacent.
      if (quantifier === 'optional') elements.push({ required: undefined });
      // A repeated character is still required once, but no longer joins a run with what follows it.
      else if (quantifier === 'repeated' && 'char' in element) elements.push(element, { required: undefined });
      else elements.push(element);
    }
    return mostSelective(runs(elements));
  }

  /** `?`, `*`, `{0,n}` make an element optional; `+`, `{n,m}` with n ≥ 1 repeat it; a lazy `?` after either changes nothing here. */
  private quantifier(): 'once' | 'optional' | 'repeated' {
    const next = this.source[this.at];
    let result: 'once' | 'optional' | 'repeated' = 'once';
    if (next === '?' || next === '*') {
      this.at++;
      result = 'optional';
    } else if (next === '+') {
      this.at++;
      result = 'repeated';
    } else if (next === '{') {
      const bounds = /^\{(\d+)(,\d*)?\}/.exec(this.source.slice(this.at));
      if (!bounds) return 'once';
      this.at += bounds[0].length;
      result = Number(bounds[1]) === 0 ? 'optional' : 'repeated';
    }
    if (result !== 'once' && this.source[this.at] === '?') this.at++;
    return result;
  }

  private element(): Element {
    const c = this.source[this.at];
    if (c === '(') return { required: this.group() };
    if (c === '[') {
      this.skipClass();
      return { required: undefined };
    }
    if (c === '\\') return this.escape();
    this.at++;
    if (c === '.' || c === '^' || c === '$') return { required: undefined };
    if (!PLAIN_ASCII.test(c)) return { required: undefined };
    return { char: this.ignoreCase ? c.toLowerCase() : c };
  }

  private group(): RequiredText {
    this.at++;
    let lookaround = false;
    if (this.source.startsWith('?:', this.at)) this.at += 2;
    else if (/^\?<?[=!]/.test(this.source.slice(this.at, this.at + 3))) {
      lookaround = true;
      this.at += this.source[this.at + 1] === '<' ? 3 : 2;
    } else if (this.source.startsWith('?<', this.at)) {
      const name = /^\?<[A-Za-z_$][\w$]*>/.exec(this.source.slice(this.at));
      if (!name) throw new Error(`unread group in /${this.source}/`);
      this.at += name[0].length;
    }
    const required = this.alternation();
    if (this.source[this.at] !== ')') throw new Error(`unclosed group in /${this.source}/`);
    this.at++;
    // A lookaround consumes nothing: what it asks for need not be in the match.
    return lookaround ? undefined : required;
  }

  private skipClass(): void {
    this.at++;
    if (this.source[this.at] === '^') this.at++;
    if (this.source[this.at] === ']') this.at++;
    while (this.at < this.source.length && this.source[this.at] !== ']') this.at += this.source[this.at] === '\\' ? 2 : 1;
    if (this.at >= this.source.length) throw new Error(`unclosed class in /${this.source}/`);
    this.at++;
  }

  private escape(): Element {
    const c = this.source[this.at + 1];
    this.at += 2;
    if (c !== undefined && ESCAPED_LITERAL.test(c)) return { char: c };
    // \b \B \d \w \s \n \t \uXXXX \1 ...: a class, an anchor, a control character or a back reference.
    if (c === 'u' && /^[0-9a-fA-F]{4}/.test(this.source.slice(this.at))) this.at += 4;
    else if (c === 'x' && /^[0-9a-fA-F]{2}/.test(this.source.slice(this.at))) this.at += 2;
    else if ((c === 'p' || c === 'P') && this.source[this.at] === '{') this.at = this.source.indexOf('}', this.at) + 1;
    else if (c === 'c') this.at++;
    return { required: undefined };
  }
}

/** Joins adjacent characters into strings; every other element keeps its own requirement. */
function runs(elements: Element[]): RequiredText[] {
  const out: RequiredText[] = [];
  let run = '';
  for (const element of elements) {
    if ('char' in element) {
      run += element.char;
      continue;
    }
    if (run) out.push([run]);
    run = '';
    out.push(element.required);
  }
  if (run) out.push([run]);
  return out;
}

/** Of requirements that all hold, the one whose shortest string is longest (the rarest to find by chance). */
function mostSelective(requirements: RequiredText[]): RequiredText {
  let best: RequiredText;
  let bestLength = 0;
  for (const required of requirements) {
    if (required === undefined || required.length === 0) continue;
    const shortest = Math.min(...required.map((needle) => needle.length));
    if (shortest > bestLength) {
      best = required;
      bestLength = shortest;
    }
  }
  return best;
}
