/** `{name}` placeholders in a UI string filled in (the same rule as src/core/site/strings.ts). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
