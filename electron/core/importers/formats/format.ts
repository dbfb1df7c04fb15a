/**
 * The contract every import format implements: which header columns identify it, and a parser
 * that takes rows one at a time (rejecting bad ones with a reason) and yields canonical records.
 */
import type { Payout, SettlementLine, ShopOrder } from '../../../../shared/reconcile/types';

/** Options every parser receives. */
export interface ParseOptions {
  /** Zone for wall-clock times without offset (WooCommerce site time zone). */
  siteTimeZone: string;
  /** The company's zone: decides the local date of UTC-only timestamps. */
  companyTimeZone: string;
  /** Currency for files without a currency column (WooCommerce default export). */
  defaultCurrency?: string;
  /** The file's decimal separator convention for ambiguous numbers. */
  decimalComma: boolean;
  /** Per-file memo for local dates of UTC timestamps. */
  localDates?: Map<string, string>;
}

/** Reads a cell by canonical column name ('' when the file lacks the column). */
export type CellReader = (column: string) => string;

/** Records a parser produced, plus rejections it could only decide at the end. */
export interface ParsedRecords {
  shopOrders: ShopOrder[];
  settlementLines: SettlementLine[];
  payouts: Payout[];
  /** Rows accepted at first but rejected once the whole file was seen (e.g. orphan line items). */
  lateRejections: Array<{ line: number; reason: string }>;
}

/** A stateful parser for one file. `row` throws RowRejection to reject a row. */
export interface FormatParser {
  row(cell: CellReader, line: number): void;
  finish(): ParsedRecords;
}

/** One supported layout. */
export interface FormatSpec {
  id: string;
  label: string;
  /** Canonical column names that must all be present (case-insensitive) for detection. */
  required: readonly string[];
  /** Alternative spellings per canonical column. */
  aliases?: Readonly<Record<string, readonly string[]>>;
  /** Columns the parser reads. */
  known: readonly string[];
  /** Further documented columns of the layout (not read, but not unknown either). */
  documented?: readonly string[];
  create(options: ParseOptions): FormatParser;
}

/** Empty record set. */
export function emptyRecords(): ParsedRecords {
  return { shopOrders: [], settlementLines: [], payouts: [], lateRejections: [] };
}
