/**
 * Odoo exceptions as the simulator raises them: the fully qualified Python class name, the message, the
 * HTTP status JSON-2 maps it to (odoo-api.md §2.6) and the XML-RPC fault code (§4).
 */
export class OdooError extends Error {
  constructor(
    /** Fully qualified Python class, e.g. 'odoo.exceptions.AccessError'. */
    readonly pythonName: string,
    message: string,
    readonly status: number,
    /** `arguments` of the error body; Werkzeug errors carry [description, status]. */
    readonly args: unknown[] = [message],
  ) {
    super(message);
    this.name = 'OdooError';
  }

  /** XML-RPC fault code on /xmlrpc/2/*: 3 AccessDenied, 4 AccessError, 2 warnings, 1 anything else. */
  get faultCode(): number {
    if (this.pythonName === 'odoo.exceptions.AccessDenied') return 3;
    if (this.pythonName === 'odoo.exceptions.AccessError') return 4;
    if (['odoo.exceptions.UserError', 'odoo.exceptions.ValidationError', 'odoo.exceptions.MissingError'].includes(this.pythonName)) return 2;
    return 1;
  }

  /** A traceback-shaped `debug` text (frame lines only, like the recorded fixtures). */
  get debug(): string {
    const shortName = this.pythonName.startsWith('builtins.') ? this.pythonName.slice('builtins.'.length) : this.pythonName;
    const werkzeug = this.pythonName.startsWith('werkzeug.');
    const last = werkzeug ? `${shortName}: ${this.status} ${statusText(this.status)}: ${this.message}` : `${shortName}: ${this.message}`;
    if (this.pythonName === 'odoo.exceptions.AccessDenied') return `${last}\n`;
    return `Traceback (most recent call last):\n  File "/opt/odoo/odoo/http.py", line 2273, in _serve_db\n  File "/opt/odoo/odoo/service/model.py", line 184, in retrying\n${last}\n`;
  }
}

function statusText(status: number): string {
  return (
    { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity' } as Record<number, string>
  )[status] ?? 'Error';
}

export const odooErrors = {
  access: (message: string) => new OdooError('odoo.exceptions.AccessError', message, 403),
  accessDenied: () => new OdooError('odoo.exceptions.AccessDenied', 'Access Denied', 403),
  user: (message: string) => new OdooError('odoo.exceptions.UserError', message, 422),
  validation: (message: string) => new OdooError('odoo.exceptions.ValidationError', message, 422),
  missing: (message: string) => new OdooError('odoo.exceptions.MissingError', message, 404),
  value: (message: string) => new OdooError('builtins.ValueError', message, 500),
  type: (message: string) => new OdooError('builtins.TypeError', message, 500),
  attribute: (message: string) => new OdooError('builtins.AttributeError', message, 500),
  sessionExpired: () => new OdooError('odoo.http.SessionExpiredException', 'Session expired', 403),
  notFound: (message: string) => new OdooError('werkzeug.exceptions.NotFound', message, 404, [message, 404]),
  unprocessable: (message: string) => new OdooError('werkzeug.exceptions.UnprocessableEntity', message, 422, [message, 422]),
  unauthorized: (message: string) => new OdooError('werkzeug.exceptions.Unauthorized', message, 401, [message, 401]),
  badRequest: (message: string) => new OdooError('werkzeug.exceptions.BadRequest', message, 400, [message, 400]),
};

/** JSON-2 / web error body {name, message, arguments, context, debug}. */
export function errorBody(error: OdooError): { name: string; message: string; arguments: unknown[]; context: Record<string, never>; debug: string } {
  return { name: error.pythonName, message: error.message, arguments: error.args, context: {}, debug: error.debug };
}

/** Wraps anything thrown inside the simulator as an Odoo error (unexpected bugs become a 500 like Odoo's). */
export function asOdooError(error: unknown): OdooError {
  if (error instanceof OdooError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new OdooError('builtins.Exception', message, 500);
}
