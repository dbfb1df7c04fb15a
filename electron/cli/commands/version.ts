import { parseFlags } from '../args';
import type { CliCommand } from '../command';
import { APP_VERSION } from '../../core/app-info';

export const command: CliCommand = {
  name: 'version',
  summary: 'Print the Boardpack version',
  usage: 'boardpack version [--json]   (also: boardpack --version)',
  async run(argv, io) {
    const { values } = parseFlags(argv, { json: { type: 'boolean' } });
    io.out(values.json ? JSON.stringify({ version: APP_VERSION, node: process.versions.node }) : APP_VERSION);
    return 0;
  },
};
