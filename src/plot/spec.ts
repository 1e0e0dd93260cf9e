/** A vega-lite v5 specification: plain JSON, with no knowledge of Jupyter. */
export type VegaLiteSpec = { $schema: string } & Record<string, unknown>;

export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

export function isVegaLiteSpec(value: unknown): value is VegaLiteSpec {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { $schema?: unknown }).$schema === "string" &&
    /vega-lite\/v5/.test((value as { $schema: string }).$schema)
  );
}

/** A one-line description of a spec, for text/plain. */
export function describeSpec(spec: VegaLiteSpec): string {
  const title = typeof spec.title === "string" ? spec.title : (spec.title as { text?: string } | undefined)?.text;
  const values = (spec.data as { values?: unknown[] } | undefined)?.values;
  const points = Array.isArray(values) ? `, ${values.length} points` : "";
  return `<vega-lite chart${title ? `: ${title}` : ""}${points}>`;
}
