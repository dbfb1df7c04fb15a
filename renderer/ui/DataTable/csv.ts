/** Cells starting like a formula are prefixed with a quote, so a spreadsheet never evaluates shop or partner text. */
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (comma, CRLF, UTF-8 BOM so Excel picks the encoding). */
export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  const lines = [header, ...rows].map((cells) => cells.map((cell) => (cell === null ? '' : typeof cell === 'number' ? String(cell) : quote(neutralise(cell)))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
