import type { Migration } from './types';

/*
 * A covering index for the reporting engine's scans of the posted general ledger: the ledger fold
 * (account × day totals), the revenue detail (move, partner, balance per income line) and the
 * unbalanced-entry check read every column they need from the index, in date order, without
 * visiting the table's rows. On the large demo cache this cut those scans from ~4.3 s to ~1.3 s.
 * The equality columns come first (company, posted, own company) so one range on date serves all.
 * Never edit this SQL once shipped: its checksum is recorded in every cache.
 */
const sql = `
CREATE INDEX odoo_move_line_ledger ON odoo_move_line (
  sync_company_id, parent_state, company_id, date, account_id, balance, display_type, move_id, partner_id, partner_name
);
`;

export const migration: Migration = {
  version: 6,
  name: 'ledger-covering-index',
  sql,
  up: (db) => db.exec(sql),
};
