// Where a step is in a thread's source: the line of the `yield` that ends it. The source is the
// function's own text (what the kernel compiled), and a step is found by its label.

const cache = new WeakMap<Function, string[]>();

/** The lines of a thread's function, as written (compiled) in the cell. */
export function sourceLines(body: Function): string[] {
  let lines = cache.get(body);
  if (!lines) {
    lines = Function.prototype.toString.call(body).split("\n");
    cache.set(body, lines);
  }
  return lines;
}

function queuedAt(label: string): RegExpExecArray | null {
  const lock = /^(?:attend|waits for) (.+)$/.exec(label)?.[1];
  return lock === undefined ? null : /^(acquire)\((.*)\)$/.exec(`acquire(${lock})`);
}

const quoted = (label: string) => [`"${label}"`, `'${label}'`, `\`${label}\``];

/**
 * The line (1 for the function's first) of the `yield` that ends a step labelled `label`: a
 * line with `yield` and the label in quotes, or for a request such as `acquire(verrou)`, a line
 * with `yield acquire(` and the lock's name. Undefined when no line matches.
 */
export function lineOf(body: Function, label: string): number | undefined {
  const lines = sourceLines(body);
  // A thread queued on a fair lock is at its acquire.
  const request = /^(acquire|release|tryAcquire)\((.*)\)$/.exec(label) ?? queuedAt(label);
  const matches = (line: string) => {
    if (!/\byield\b/.test(line)) return false;
    if (request) return new RegExp(`\\b${request[1]}\\)?\\s*\\(`).test(line) && quoted(request[2]).some((q) => line.includes(q));
    return quoted(label).some((q) => line.includes(q));
  };
  const at = lines.findIndex(matches);
  return at < 0 ? undefined : at + 1;
}
