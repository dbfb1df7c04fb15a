import { AppError } from '../../../shared/rpc/errors';
import type { DemoServerFactory } from './demo-server';

/** Builds the demo company and serves it with the Odoo simulator on 127.0.0.1 (port chosen by the OS). */
export const startDemoServer: DemoServerFactory = async () => {
  throw new AppError('internal', 'The demo company is not available in this build yet.');
};
