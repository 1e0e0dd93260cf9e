// JSON helpers for model states: a key with sorted object keys (so that two equal states have
// one key whatever the order their fields were written in), a clone, and an in-place restore
// (threads keep references to `s` and `local`, so those objects must keep their identity).

/** JSON with object keys sorted: equal data gives an equal string. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== "object") return value === undefined ? "null" : JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i ? "," : "") + stableJson(value[i]);
    return out + "]";
  }
  const keys = Object.keys(value).sort();
  let out = "{";
  let first = true;
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined || typeof v === "function") continue;
    out += (first ? "" : ",") + JSON.stringify(k) + ":" + stableJson(v);
    first = false;
  }
  return out + "}";
}

export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Makes `target` hold a copy of `json`'s fields, keeping `target`'s identity. */
export function restoreInPlace(target: Record<string, unknown>, json: string): void {
  const source = JSON.parse(json) as Record<string, unknown>;
  for (const key of Object.keys(target)) if (!(key in source)) delete target[key];
  Object.assign(target, source);
}

/** A short text of a shared state for labels: `x = 2` or `x = 2, y = 1`. */
export function describeState(state: unknown): string {
  if (state === null || typeof state !== "object" || Array.isArray(state)) return JSON.stringify(state);
  return Object.entries(state as Record<string, unknown>)
    .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
    .join(", ");
}
