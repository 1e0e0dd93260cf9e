// Strongly connected components (Tarjan's algorithm, without recursion so that deep graphs do
// not overflow the stack), and shortest walks inside a set of states.
import type { Edge, StateNode } from "./graph.js";

/** A Map<number, number> on an Int32Array, for dense keys 0..n-1 (-1 means absent). */
class ArrayMap {
  private readonly a: Int32Array;
  constructor(n: number) {
    this.a = new Int32Array(n).fill(-1);
  }
  has(k: number): boolean {
    return this.a[k] !== -1;
  }
  get(k: number): number | undefined {
    return this.a[k] === -1 ? undefined : this.a[k];
  }
  set(k: number, v: number): this {
    this.a[k] = v;
    return this;
  }
  delete(k: number): boolean {
    this.a[k] = -1;
    return true;
  }
}

/**
 * The components of the graph restricted to `members` and to the edges `keep` accepts, in
 * reverse topological order: a component comes after every component it leads to.
 */
export function components(nodes: readonly StateNode[], members: readonly number[], keep: (e: Edge) => boolean = () => true): number[][] {
  // The whole graph gets arrays; a part of it (a component's sub-cycles) maps.
  const whole = members.length === nodes.length;
  const inSet = whole ? { has: (_: number) => true } : new Set(members);
  const index = whole ? new ArrayMap(nodes.length) : new Map<number, number>();
  const low = whole ? new ArrayMap(nodes.length) : new Map<number, number>();
  const onStack = whole ? new ArrayMap(nodes.length) : new Map<number, number>();
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (const start of members) {
    if (index.has(start)) continue;
    const work: [number, number][] = [[start, 0]];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.set(start, 1);
    while (work.length) {
      const frame = work[work.length - 1];
      const [v, i] = frame;
      const edges = nodes[v].edges;
      if (i < edges.length) {
        frame[1]++;
        const e = edges[i];
        if (!inSet.has(e.to) || !keep(e)) continue;
        if (!index.has(e.to)) {
          index.set(e.to, counter);
          low.set(e.to, counter++);
          stack.push(e.to);
          onStack.set(e.to, 1);
          work.push([e.to, 0]);
        } else if (onStack.has(e.to)) low.set(v, Math.min(low.get(v)!, index.get(e.to)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        out.push(component);
      }
    }
  }
  return out;
}

/** Whether a component holds a cycle: more than one state, or a step that stays in place. */
export function isCyclic(nodes: readonly StateNode[], component: readonly number[], keep: (e: Edge) => boolean = () => true): boolean {
  return component.length > 1 || nodes[component[0]].edges.some((e) => e.to === component[0] && keep(e));
}

/**
 * The shortest walk inside `members` from `from` that ends by taking an edge `goal` accepts
 * (searched breadth first): the threads of its steps and the state it ends in.
 */
export function walkTo(
  nodes: readonly StateNode[],
  members: ReadonlySet<number>,
  from: number,
  goal: (at: number, e: Edge) => boolean,
  keep: (e: Edge) => boolean = () => true,
): { threads: number[]; end: number } | null {
  const back = new Map<number, { prev: number; thread: number }>([[from, { prev: -1, thread: -1 }]]);
  const queue = [from];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const e of nodes[v].edges) {
      if (!members.has(e.to) || !keep(e)) continue;
      if (goal(v, e)) {
        const threads = [e.thread];
        for (let w = v; w !== from; w = back.get(w)!.prev) threads.push(back.get(w)!.thread);
        return { threads: threads.reverse(), end: e.to };
      }
      if (!back.has(e.to)) {
        back.set(e.to, { prev: v, thread: e.thread });
        queue.push(e.to);
      }
    }
  }
  return null;
}
