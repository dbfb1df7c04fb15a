const ODOO_DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * The lower bound of an incremental scan: the watermark minus the overlap window, as an Odoo UTC
 * datetime string. Odoo stamps write_date with the transaction START, so a long transaction can
 * commit rows "in the past"; the overlap re-reads that window.
 */
export function scanSince(watermark: string, overlapSeconds: number): string {
  const match = ODOO_DATETIME.exec(watermark);
  if (!match) throw new Error(`not an Odoo datetime: ${watermark}`);
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi, s) - overlapSeconds * 1000);
  return at.toISOString().slice(0, 19).replace('T', ' ');
}

/** The later of two Odoo datetimes (string order is time order for this format); nulls ignored. */
export function laterOf(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
