/**
 * /xmlrpc/2/common, /xmlrpc/2/object, /xmlrpc/2/db: the same services as /jsonrpc, answered as
 * XML-RPC with Odoo's fault codes (1 error with traceback, 2 warning, 3 AccessDenied, 4 AccessError);
 * the legacy /xmlrpc/<service> routes use string fault codes (odoo-api.md §4).
 */
import type { SimBackend } from '../backend';
import { asOdooError, OdooError } from '../orm/errors';
import { htmlResponse, NOT_FOUND_HTML, type SimRequest, type SimResponse } from './respond';
import { callService } from './rpc-services';
import { decodeMethodCall, encodeFault, encodeResponse } from './xmlrpc-codec';

const XML_TYPE = 'text/xml; charset=utf-8';

/** Legacy /xmlrpc/<service> faults: string codes such as "warning -- UserError\n\n<message>". */
function legacyFault(error: OdooError): [string, string] {
  const short = error.pythonName.split('.').pop() ?? error.pythonName;
  if (error.pythonName === 'odoo.exceptions.AccessDenied') return ['AccessDenied', 'Access Denied'];
  if (error.faultCode === 2 || error.faultCode === 4) return [`warning -- ${short}\n\n${error.message}`, error.message];
  return [error.message, error.debug];
}

export function handleXmlRpc(request: SimRequest, backend: SimBackend, service: string, legacy = false): SimResponse {
  if (request.method !== 'POST' || !['common', 'object', 'db'].includes(service)) return htmlResponse(404, NOT_FOUND_HTML);
  let call: { methodName: string; params: unknown[] };
  try {
    call = decodeMethodCall(request.body.toString('utf8'));
  } catch (error) {
    return { status: 200, headers: { 'Content-Type': XML_TYPE }, body: encodeFault(1, `Traceback (most recent call last):\nxml.parsers.expat.ExpatError: ${error instanceof Error ? error.message : String(error)}\n`) };
  }
  try {
    const result = callService(backend, service, call.methodName, call.params, request.note);
    return { status: 200, headers: { 'Content-Type': XML_TYPE }, body: encodeResponse(result) };
  } catch (error) {
    const odooError = error instanceof OdooError ? error : asOdooError(error);
    if (legacy) {
      const [legacyCode, legacyMessage] = legacyFault(odooError);
      return { status: 200, headers: { 'Content-Type': XML_TYPE }, body: encodeFault(legacyCode, legacyMessage) };
    }
    const code = odooError.faultCode;
    const message = code === 1 ? odooError.debug : odooError.message;
    return { status: 200, headers: { 'Content-Type': XML_TYPE }, body: encodeFault(code, message) };
  }
}
