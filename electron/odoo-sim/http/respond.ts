/** Response values the transports build and the server writes. */
import { errorBody, type OdooError } from '../orm/errors';
import { toPythonJson } from '../orm/py-json';

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const JSON_TYPE = 'application/json; charset=utf-8';
export const HTML_TYPE = 'text/html; charset=utf-8';

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: toPythonJson(value) };
}

export function htmlResponse(status: number, html: string, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'Content-Type': HTML_TYPE, ...headers }, body: html };
}

/** JSON-2 / HTTP-route error: the exception's status and the {name, message, arguments, context, debug} body. */
export function errorResponse(error: OdooError): SimResponse {
  const headers: Record<string, string> = error.status === 401 ? { 'WWW-Authenticate': 'Bearer ' } : {};
  return jsonResponse(error.status, errorBody(error), headers);
}

/** What the handlers get from the server for one request. */
export interface SimRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** Lets the handler record the model/method it resolved, for the request log. */
  note(model: string | undefined, method: string | undefined): void;
}

export function header(request: SimRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Werkzeug's 404 page for a database that does not exist on this server. */
export const NO_DATABASE_HTML =
  '<!DOCTYPE html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>No database is selected and the requested URL was not found in the server-wide controllers.</p>\n<p>Please verify the hostname, <a href=/web/login>login</a> and try again.</p>\n\n<!-- Alternatively, use the X-Odoo-Database header. -->\n';

export const NOT_FOUND_HTML =
  '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';
