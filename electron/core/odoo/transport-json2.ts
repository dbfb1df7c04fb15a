import { classifyOdooException, errorForGatewayStatus, OdooError, parseRetryAfter, truncatedError, type CallSite } from './errors';
import { htmlToText, httpRequest, joinUrl, readExceptionBody, tryParseJson, type HttpResponse } from './http';
import { logTraceback, siteOf, type Transport, type TransportCall, type TransportResult, type TransportSettings } from './transport';

/**
 * JSON-2 (Odoo 19+): `POST /json/2/<model>/<method>` with a bearer API key and named arguments.
 * `ids` and `context` are ordinary keys of the body object.
 */
export function createJson2Transport(settings: TransportSettings): Transport {
  const logger = settings.logger.child('json2');
  return {
    protocol: 'json2',
    async call(call: TransportCall): Promise<TransportResult> {
      const site = siteOf(call);
      const body: Record<string, unknown> = { ...call.kwargs };
      if (call.context) body.context = call.context;
      const response = await httpRequest({
        url: joinUrl(settings.baseUrl, `/json/2/${encodeURIComponent(call.model)}/${encodeURIComponent(call.method)}`),
        method: 'POST',
        headers: {
          Authorization: `bearer ${settings.apiKey}`,
          'X-Odoo-Database': settings.db,
          'Content-Type': 'application/json; charset=utf-8',
        },
        body: JSON.stringify(body),
        timeoutMs: call.timeoutMs,
        signal: call.signal,
        site,
      });
      if (response.status === 200) {
        const parsed = tryParseJson(response.text);
        if (!parsed.ok) throw truncatedError(site, response.status);
        return { value: parsed.value, bytes: response.bytes };
      }
      throw json2Error(response, site, settings.db, logger);
    },
  };
}

/** Maps a non-200 JSON-2 answer (JSON error object, bare string, or HTML page) to a typed error. */
export function json2Error(response: HttpResponse, site: CallSite, db: string, logger: TransportSettings['logger']): OdooError {
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
  const gateway = errorForGatewayStatus(response.status, site, retryAfterMs);
  if (gateway) return gateway;

  const parsed = tryParseJson(response.text);
  const exception = parsed.ok ? readExceptionBody(parsed.value) : undefined;
  if (exception) {
    logTraceback(logger, site, exception.name, exception.debug);
    return classifyOdooException(exception.name, exception.message, site, response.status);
  }

  const text = htmlToText(response.text);
  if (response.status === 404 && /no database is selected/i.test(text)) {
    return new OdooError('odoo.invalid', `Odoo has no database named '${db}' (or it is not served at this address).`, {
      status: 404, site, odooMessage: text,
      hint: 'Check the database name: on Odoo Online it is usually the subdomain (e.g. "mycompany" for mycompany.odoo.com).',
    });
  }
  if (response.status === 404) {
    return new OdooError('odoo.api_unavailable', 'This server does not offer the JSON-2 API (it needs Odoo 19 or later).', {
      status: 404, site, odooMessage: text,
      hint: 'Use protocol "auto" or "jsonrpc" for Odoo 17 and 18.',
    });
  }
  if (!parsed.ok && response.status >= 500) {
    return new OdooError('odoo.server', `Odoo answered HTTP ${response.status} without details on ${site.model}.${site.method}.`, {
      status: response.status, site, retryable: true, odooMessage: text,
      hint: 'The server or a proxy in front of it failed; Boardpack retries with backoff.',
    });
  }
  return classifyOdooException(undefined, text || `HTTP ${response.status}`, site, response.status);
}
