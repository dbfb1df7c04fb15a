/**
 * Typed error codes shared by the core, the CLI and the renderer.
 * The renderer maps codes to user-facing text in one place; the core throws {@link AppError}.
 */
export type ErrorCode =
  | 'validation'
  | 'internal'
  | 'not_found'
  | 'cancelled'
  | 'unauthorized'
  | 'unknown_method'
  | 'odoo.auth'
  | 'odoo.access'
  | 'odoo.missing_model'
  | 'odoo.company'
  | 'odoo.invalid'
  | 'odoo.server'
  | 'odoo.rate_limited'
  | 'odoo.network'
  | 'odoo.timeout'
  | 'odoo.api_unavailable'
  | 'sync.in_progress'
  | 'cache.damaged'
  | 'cache.too_new'
  | 'cache.missing'
  | 'import.unknown_format'
  | 'import.invalid_file'
  | 'report.missing_rate'
  | 'export.failed'
  | 'io.disk_full'
  | 'secrets.unavailable';

/** Every code, for runtime validation of error envelopes. */
export const ERROR_CODES: readonly ErrorCode[] = [
  'validation', 'internal', 'not_found', 'cancelled', 'unauthorized', 'unknown_method',
  'odoo.auth', 'odoo.access', 'odoo.missing_model', 'odoo.company', 'odoo.invalid', 'odoo.server',
  'odoo.rate_limited', 'odoo.network', 'odoo.timeout', 'odoo.api_unavailable',
  'sync.in_progress', 'cache.damaged', 'cache.too_new', 'cache.missing',
  'import.unknown_format', 'import.invalid_file', 'report.missing_rate', 'export.failed',
  'io.disk_full', 'secrets.unavailable',
];

/** A failure the user can act on: a code for programs, a message and an optional hint for people. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, options: { hint?: string; details?: unknown; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }
}

/** The wire shape of an error: what crosses IPC/WebSocket and what `--json` prints. No stack, ever. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  hint?: string;
  details?: unknown;
}

/** Turns anything thrown into a payload; unknown exceptions become `internal` without leaking internals. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError) {
    const payload: ErrorPayload = { code: error.code, message: error.message };
    if (error.hint !== undefined) payload.hint = error.hint;
    if (error.details !== undefined) payload.details = error.details;
    return payload;
  }
  return { code: 'internal', message: 'An unexpected error occurred. The debug log has the details.' };
}
