// The inputs (and results) of this kernel's session, answered to history_request as IPython does:
// JupyterLab's console recalls them with the arrow keys.

/** IPython numbers its sessions in a database; this kernel keeps one, in memory. */
const SESSION = 1;

export interface HistoryRequest {
  hist_access_type?: "range" | "tail" | "search";
  output?: boolean;
  session?: number;
  start?: number;
  stop?: number;
  n?: number | null;
  pattern?: string;
  unique?: boolean;
}

type Entry = [session: number, line: number, input: string | [input: string, output: string | null]];

interface Line {
  line: number;
  input: string;
  output: string | null;
}

export class History {
  readonly #lines: Line[] = [];

  /** Records the input of execution `line` (its execution count). */
  add(line: number, input: string): void {
    this.#lines.push({ line, input, output: null });
  }

  /** Records the text of execution `line`'s result. */
  setOutput(line: number, output: string): void {
    for (let i = this.#lines.length - 1; i >= 0; i--) {
      if (this.#lines[i].line === line) return void (this.#lines[i].output = output);
    }
  }

  /** The `history` list of a history_reply. */
  query(request: HistoryRequest): Entry[] {
    return this.#select(request).map(({ line, input, output }) => [SESSION, line, request.output ? [input, output] : input]);
  }

  #select(request: HistoryRequest): Line[] {
    switch (request.hist_access_type) {
      case "tail":
        return last(this.#lines, request.n);
      case "range": {
        // Session 0 is the current one (IPython's convention); negative ones are older sessions.
        if (request.session !== undefined && request.session !== 0 && request.session !== SESSION) return [];
        const start = request.start ?? 0;
        const stop = request.stop ?? Number.POSITIVE_INFINITY;
        return this.#lines.filter((l) => l.line >= start && l.line < stop);
      }
      case "search": {
        const pattern = globToRegExp(request.pattern ?? "*");
        let found = this.#lines.filter((l) => pattern.test(l.input));
        if (request.unique) found = found.filter((l, i) => !found.slice(i + 1).some((later) => later.input === l.input));
        return last(found, request.n);
      }
      default:
        return [];
    }
  }
}

function last<T>(items: T[], n: number | null | undefined): T[] {
  return n === undefined || n === null ? items : items.slice(Math.max(0, items.length - n));
}

/** IPython's search patterns are globs matched against the whole input: `*` and `?`. */
function globToRegExp(glob: string): RegExp {
  const body = [...glob].map((c) => (c === "*" ? "[\\s\\S]*" : c === "?" ? "[\\s\\S]" : c.replace(/[\\^$.+()|{}[\]]/g, "\\$&"))).join("");
  return new RegExp(`^${body}$`);
}
