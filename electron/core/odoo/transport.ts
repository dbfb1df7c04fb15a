import type { Logger } from '../logging/logger';
import type { CallSite } from './errors';
import type { OdooContext, OdooProtocol } from './types';

/** One attempt of one model method call; retries and scheduling live in the client. */
export interface TransportCall {
  model: string;
  method: string;
  kwargs: Record<string, unknown>;
  context?: OdooContext;
  signal?: AbortSignal;
  timeoutMs: number;
}

export interface TransportResult {
  value: unknown;
  bytes: number;
}

export interface Transport {
  readonly protocol: OdooProtocol;
  call(call: TransportCall): Promise<TransportResult>;
}

export interface TransportSettings {
  baseUrl: string;
  db: string;
  apiKey: string;
  logger: Logger;
}

export function siteOf(call: TransportCall): CallSite {
  return { model: call.model, method: call.method, companyIds: call.context?.allowed_company_ids };
}

/** Tracebacks are for developers: debug log only, never in messages shown to people. */
export function logTraceback(logger: Logger, site: CallSite, name: string | undefined, debug: string | undefined): void {
  if (debug) logger.debug('odoo error traceback', { model: site.model, method: site.method, name, traceback: debug });
}
