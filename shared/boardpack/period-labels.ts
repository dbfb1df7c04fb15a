const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parseMonth(month: string): { year: number; monthIndex: number } {
  const [year, monthNumber] = month.split('-').map(Number);
  return { year: year ?? 1970, monthIndex: (monthNumber ?? 1) - 1 };
}

/** "2026-03" -> "Month ended 31 March 2026". */
export function monthEndedLabel(month: string): string {
  const { year, monthIndex } = parseMonth(month);
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  return `Month ended ${lastDay} ${MONTHS[monthIndex]} ${year}`;
}

/** "2026-03" -> "Mar 26" (axis and column labels). */
export function shortMonthLabel(month: string): string {
  const { year, monthIndex } = parseMonth(month);
  return `${(MONTHS[monthIndex] ?? '').slice(0, 3)} ${String(year).slice(2)}`;
}

/** "2026-03" -> "March 2026". */
export function longMonthLabel(month: string): string {
  const { year, monthIndex } = parseMonth(month);
  return `${MONTHS[monthIndex]} ${year}`;
}
