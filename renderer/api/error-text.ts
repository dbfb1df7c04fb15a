import { AppError, type ErrorCode } from '../../shared/rpc/errors';

/** A failure as the user reads it: what happened, and what to do next. */
export interface ErrorText {
  title: string;
  message: string;
  hint?: string;
  code: ErrorCode | 'unknown';
}

/** The one place that turns error codes into titles; the core's message and hint carry the specifics. */
const TITLES: Partial<Record<ErrorCode, string>> = {
  validation: 'Please check the input',
  not_found: 'Not found',
  cancelled: 'Cancelled',
  internal: 'Something went wrong',
  'odoo.auth': 'Odoo refused the credentials',
  'odoo.access': 'The Odoo user lacks access',
  'odoo.missing_model': 'A module is missing in Odoo',
  'odoo.company': 'Company not allowed',
  'odoo.invalid': 'Odoo rejected the request',
  'odoo.server': 'Odoo had a server error',
  'odoo.rate_limited': 'Odoo asked us to slow down',
  'odoo.network': 'Odoo is unreachable',
  'odoo.timeout': 'Odoo did not answer in time',
  'odoo.api_unavailable': 'The Odoo API is not available',
  'sync.in_progress': 'A sync is already running',
  'cache.damaged': 'The local cache is damaged',
  'cache.too_new': 'The cache is from a newer Boardpack',
  'cache.missing': 'No local data yet',
  'import.unknown_format': 'Unknown file format',
  'import.invalid_file': 'The file could not be read',
  'report.missing_rate': 'An exchange rate is missing',
  'export.failed': 'The export failed',
  'io.disk_full': 'The disk is full',
  'secrets.unavailable': 'The key cannot be stored',
};

const DEFAULT_HINTS: Partial<Record<ErrorCode, string>> = {
  'odoo.network': 'Check the address and your internet connection. Cached data stays available offline.',
  'odoo.timeout': 'Try again; if it persists, sync fewer companies at once.',
  'odoo.rate_limited': 'Boardpack retries automatically; try again in a minute.',
  internal: 'Try again. If it keeps happening, the debug log in the data folder has the details.',
};

/** Maps anything thrown by an API call to text for an alert. */
export function describeError(error: unknown): ErrorText {
  if (error instanceof AppError) {
    return { code: error.code, title: TITLES[error.code] ?? 'Something went wrong', message: error.message, hint: error.hint ?? DEFAULT_HINTS[error.code] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'unknown', title: 'Something went wrong', message };
}

/** Title for a bare code (e.g. a `sync.completed` event's code). */
export function titleForCode(code: string | undefined): string {
  return (code && TITLES[code as ErrorCode]) || 'Something went wrong';
}
