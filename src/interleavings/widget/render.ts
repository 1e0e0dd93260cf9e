// The scheduler's panel as HTML: the goal, each thread's code with its next step highlighted,
// the shared memory, the locks and the history; and a replayed schedule as a table, for
// headless runs and handouts. Plain functions of a snapshot, so they are tested without a kernel.
import { messages } from "../../messages/index.js";

/** What the panel shows of one thread. */
export interface ThreadView {
  name: string;
  /** Its code, line by line. */
  lines: readonly string[];
  /** The lines of its next step (0-based, both included), or undefined when it has finished. */
  next: { from: number; to: number } | undefined;
  /** Steps it has taken. */
  steps: number;
  finished: boolean;
  /** Why it cannot move now (a lock taken, a condition false), if so. */
  blocked: string | undefined;
}

export interface PanelView {
  goal: string | undefined;
  reached: boolean;
  /** The step at which the goal first held. */
  reachedAt?: number;
  threads: ThreadView[];
  shared: unknown;
  locks: Record<string, { holders: string[]; queue: string[] }>;
  history: readonly string[];
  finished: boolean;
  deadlocked: boolean;
  /** A message for the last click (a thread that could not move). */
  notice?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

/**
 * The lines as the student wrote them, as far as the compiled text allows: without the indentation
 * the body has in its cell (the first line is the header), and without the `exports.` or
 * `concurrence_1.` prefix the kernel's compiler puts before imported names.
 */
export function dedent(lines: readonly string[]): string[] {
  const indents = lines.slice(1).filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  const unprefixed = (l: string) => l.replace(/\b(?:exports|[A-Za-z_$][\w$]*_\d+)\.(?=[A-Za-z_$])/g, "");
  return lines.map((l, i) => unprefixed(i === 0 ? l.trim() : l.slice(Math.min(cut, /^\s*/.exec(l)![0].length))));
}

/** `x = 1, y = 2`, for the shared memory. */
export function describeShared(shared: unknown): string {
  if (shared === null || typeof shared !== "object" || Array.isArray(shared)) return JSON.stringify(shared);
  return Object.entries(shared as Record<string, unknown>).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(", ");
}

const NEXT_STYLE = "background:#fff3b0;border-left:3px solid #e0a800;display:block";
const LINE_STYLE = "border-left:3px solid transparent;display:block";

function threadHtml(t: ThreadView): string {
  const m = messages().scheduler;
  const status = t.finished ? m.finished : t.blocked ? m.blocked(t.blocked) : `${m.next} : ${t.next!.from + 1}–${t.next!.to + 1}`;
  const lines = dedent(t.lines)
    .map((text, i) => {
      const next = t.next !== undefined && i >= t.next.from && i <= t.next.to;
      return `<span class="cc-line${next ? " cc-next" : ""}" style="${next ? NEXT_STYLE : LINE_STYLE}">${escapeHtml(text) || " "}</span>`;
    })
    .join("");
  const next = t.next ? `${t.next.from}-${t.next.to}` : "";
  return (
    `<div class="cc-thread" data-thread="${escapeHtml(t.name)}" data-steps="${t.steps}" data-next="${next}" style="flex:1 1 320px;min-width:0">` +
    `<div><b>${escapeHtml(t.name)}</b> <span class="cc-status">${escapeHtml(status)}</span></div>` +
    `<pre style="margin:4px 0;padding:4px;font-family:var(--jp-code-font-family, monospace);font-size:12px;line-height:1.35;overflow-x:auto;background:#f7f7f7">${lines}</pre></div>`
  );
}

function locksHtml(locks: PanelView["locks"]): string {
  const m = messages().scheduler;
  const entries = Object.entries(locks);
  if (entries.length === 0) return "";
  const text = entries.map(([name, l]) => `${name} ${l.holders.length ? m.heldBy(l.holders.join(", ")) : m.free}`).join(" ; ");
  return `<div class="cc-locks"><b>${m.locks}</b> ${escapeHtml(text)}</div>`;
}

/** The live panel, redrawn after each click. */
export function panelHtml(view: PanelView): string {
  const m = messages().scheduler;
  const goal = view.goal === undefined ? "" :
    `<div class="cc-goal"><b>${m.goal}</b> ${escapeHtml(view.goal)} — <span class="cc-reached">${view.reached ? m.reached(view.reachedAt ?? view.history.length) : m.notYet}</span></div>`;
  const state = view.deadlocked ? m.deadlock : view.finished ? m.allFinished : m.yourTurn;
  const history = view.history.length ? `${escapeHtml(view.history.join(" "))} (${m.steps(view.history.length)})` : m.noStep;
  return (
    `<div class="cc-scheduler" style="font-size:13px">${goal}` +
    `<div style="display:flex;gap:12px;flex-wrap:wrap">${view.threads.map(threadHtml).join("")}</div>` +
    `<div class="cc-shared"><b>${m.shared}</b> ${escapeHtml(describeShared(view.shared))}</div>${locksHtml(view.locks)}` +
    `<div class="cc-history"><b>${m.history}</b> ${history}</div>` +
    `<div class="cc-state">${escapeHtml(view.notice ?? state)}</div></div>`
  );
}

/** One step of a replayed schedule. */
export interface ReplayedStep {
  thread: string;
  label: string;
  shared: unknown;
}

/** The headless stand-in for the buttons: the schedule, step by step, then the panel at its end. */
export function replayHtml(steps: readonly ReplayedStep[], end: PanelView): string {
  const m = messages().scheduler;
  const rows = steps
    .map((s, i) => `<tr><td>${i + 1}</td><td>${escapeHtml(s.thread)}</td><td>${escapeHtml(s.label)}</td><td>${escapeHtml(describeShared(s.shared))}</td></tr>`)
    .join("");
  return (
    `<p><i>${escapeHtml(m.replayed(steps.length))}</i></p>` +
    `<table><thead><tr><th>${m.step}</th><th>${m.thread}</th><th>${m.label}</th><th>${m.after}</th></tr></thead><tbody>${rows}</tbody></table>` +
    panelHtml(end)
  );
}

/** The text of a replayed schedule, for plain terminals. */
export function replayText(name: string, steps: readonly ReplayedStep[], end: PanelView): string {
  const m = messages().scheduler;
  const lines = steps.map((s, i) => `${i + 1}. ${s.thread} ${s.label} → ${describeShared(s.shared)}`);
  const goal = end.goal === undefined ? [] : [`${m.goal} ${end.goal} — ${end.reached ? m.reached(end.reachedAt ?? steps.length) : m.notYet}`];
  return [m.summary(name, end.threads.map((t) => m.advance(t.name)).join(", ")), m.replayed(steps.length), ...lines, ...goal].join("\n");
}
