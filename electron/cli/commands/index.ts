import type { CliCommand } from '../command';

/** A command as the help screen knows it; its module (and its heavy dependencies) loads only when run. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<CliCommand>;
}

/** Every `boardpack` command: one entry per command. Lazy, so `boardpack --version` starts fast. */
export const commands: CommandEntry[] = [
  { name: 'demo', summary: 'Run the whole main job on the built-in demo company: generate, serve, sync, reconcile, write the board pack', load: async () => (await import('./demo')).command },
  { name: 'version', summary: 'Print the Boardpack version', load: async () => (await import('./version')).command },
  { name: 'odoo-sim', summary: 'Run the protocol-faithful Odoo simulator on 127.0.0.1 (foreground, Ctrl-C to stop)', load: async () => (await import('./odoo-sim')).command },
  { name: 'serve', summary: 'Run the app in browser mode on 127.0.0.1 and print its URL', load: async () => (await import('./serve')).command },
  { name: 'connect', summary: 'Check an Odoo connection: version, protocol, user, companies, reporting models', load: async () => (await import('./connect')).command },
  { name: 'snapshot', summary: 'Freeze the cache as an immutable month-end snapshot, list snapshots, diff two of them', load: async () => (await import('./snapshot')).command },
  { name: 'report', summary: 'Compute the KPIs, statements and data-quality findings of one month from a cache', load: async () => (await import('./report')).command },
  { name: 'sync', summary: 'Sync Odoo (or the in-process demo simulator) into a local cache file', load: async () => (await import('./sync')).command },
  { name: 'reconcile', summary: 'Import shop/payment/marketplace exports and reconcile them against Odoo; manage exceptions', load: async () => (await import('./reconcile')).command },
  { name: 'export', summary: 'Write the monthly board pack (Excel with live formulas, PDF) from the cache or the closed month', load: async () => (await import('./export')).command },
  { name: 'demo-data', summary: 'Write the demo company exports and answer key (optionally its Odoo records)', load: async () => (await import('./demo-data')).command },
  { name: 'import', summary: 'Import a budget (CSV/XLSX) or a customer-satisfaction survey export into a cache', load: async () => (await import('./import')).command },
  { name: 'mapping', summary: 'List, preview, set or remove account-mapping rules (code prefix → P&L category) of a cache', load: async () => (await import('./mapping')).command },
];
