/**
 * A data item's own value label. ECharts prints a label formatter string literally when it holds no `{a}`/`{b}`/
 * `{c}` template, so a pre-formatted figure ("(47)", "1,234") keeps the option plain JSON (no functions) and makes
 * the chart say exactly what the table beside it says.
 */
export function valueLabel(text: string | undefined): { label?: { formatter: string } } {
  return text === undefined ? {} : { label: { formatter: text.replace(/[{}]/g, '') } };
}
