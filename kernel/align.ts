// Where a position in a cell's compiled JavaScript came from in its TypeScript. tslab's
// converter gives no source map, but compiling only removes types and adds `exports.` glue:
// the tokens both texts share, aligned in order (their longest common subsequence), map one
// onto the other. It runs only when an error is shown, so cells pay nothing for it.
import * as ts from "@tslab/typescript-for-tslab";

interface Token {
  text: string;
  pos: number;
}

/** Above this many token pairs the table would be too large: the JavaScript position is kept. */
const MAX_CELLS = 16_000_000; // cells of about 250 lines; Uint16 entries: 32 MB at most, only while an error is shown

/** Tokens as TypeScript's scanner sees them, with the rescans a parser would ask for. */
export function tokens(text: string): Token[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const out: Token[] = [];
  const braces: boolean[] = []; // true: the brace that ends a template's `${`
  const K = ts.SyntaxKind;
  for (let kind = scanner.scan(); kind !== K.EndOfFileToken; kind = scanner.scan()) {
    if (kind === K.TemplateHead) braces.push(true);
    else if (kind === K.OpenBraceToken) braces.push(false);
    else if (kind === K.CloseBraceToken && braces.pop() === true) {
      kind = scanner.reScanTemplateToken(false);
      if (kind === K.TemplateMiddle) braces.push(true);
    } else if ((kind === K.SlashToken || kind === K.SlashEqualsToken) && startsExpression(out.at(-1))) {
      kind = scanner.reScanSlashToken();
    }
    out.push({ text: scanner.getTokenText(), pos: scanner.getTokenPos() });
  }
  return out;
}

/** A `/` after these starts a regular expression, not a division. */
function startsExpression(previous: Token | undefined): boolean {
  if (!previous) return true;
  return !/^([\w$]+|[)\]}]|["'`].*)$/s.test(previous.text) || /^(return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/.test(previous.text);
}

/** For each token of `from`, the index of the same token in `to`, or -1 where it has none. */
function lcsMatch(from: Token[], to: Token[]): Int32Array {
  const match = new Int32Array(from.length).fill(-1);
  const n = from.length;
  const m = to.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) return match;
  const width = m + 1;
  const table = new Uint16Array((n + 1) * width); // a length <= min(n, m) < 65536 under MAX_CELLS
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        from[i].text === to[j].text ? table[(i + 1) * width + j + 1] + 1 : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (from[i].text === to[j].text) match[i++] = j++;
    else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) i++;
    else j++;
  }
  return match;
}

/** Maps offsets in `js` to offsets in `source`, the TypeScript it was compiled from. */
export class Alignment {
  readonly #js: Token[];
  readonly #ts: Token[];
  readonly #match: Int32Array;

  constructor(js: string, source: string) {
    this.#js = tokens(js);
    this.#ts = tokens(source);
    this.#match = lcsMatch(this.#js, this.#ts);
  }

  /** The TypeScript offset of JavaScript offset `offset`: its token's, or the next shared token's. */
  sourceOffset(offset: number): number | undefined {
    let at = this.#js.findIndex((token) => token.pos + token.text.length > offset);
    if (at < 0) at = this.#js.length - 1;
    const inToken = (j: number) => this.#ts[j].pos + Math.max(0, Math.min(offset - this.#js[at].pos, this.#ts[j].text.length - 1));
    for (let i = at; i < this.#js.length; i++) {
      let j = this.#match[i];
      if (j < 0) continue;
      if (i === at) return inToken(j);
      // The tokens just before a shared one read the same on both sides (`boom` in `x = boom(2)`, which
      // the subsequence paired elsewhere): they are the same tokens.
      let k = i;
      while (k > at && j > 0 && this.#js[k - 1].text === this.#ts[j - 1].text) [k, j] = [k - 1, j - 1];
      return k === at ? inToken(j) : this.#ts[this.#match[i]].pos;
    }
    for (let i = at - 1; i >= 0; i--) if (this.#match[i] >= 0) return this.#ts[this.#match[i]].pos;
    return undefined;
  }

  /**
   * The JavaScript offsets of the tokens that came from the TypeScript offsets [start, end), in
   * order (the debugger's breakpoints).
   */
  jsOffsetsIn(start: number, end: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.#js.length; i++) {
      const j = this.#match[i];
      if (j >= 0 && this.#ts[j].pos >= start && this.#ts[j].pos < end) out.push(this.#js[i].pos);
    }
    return out;
  }
}
