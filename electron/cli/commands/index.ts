import type { CliCommand } from '../command';
import { command as version } from './version';
import { command as odooSim } from './odoo-sim';
import { command as serve } from './serve';
import { command as connect } from './connect';
import { command as snapshot } from './snapshot';
import { command as report } from './report';
import { command as sync } from './sync';
import { command as reconcile } from './reconcile';
import { command as exportPack } from './export';
import { command as demoData } from './demo-data';
import { command as importFiles } from './import';

/** Every `boardpack` command. One import and one entry per command. */
export const commands: CliCommand[] = [
  version,
  odooSim,
  serve,
  connect,
  snapshot,
  report,
  sync,
  reconcile,
  exportPack,
  demoData,
  importFiles,
];
