/**
 * XML-RPC encoding as Python's xmlrpc.client writes it (what Odoo's /xmlrpc/2 answers with), and a
 * decoder for methodCall requests. Floats read from float/monetary fields arrive boxed as PyFloat so
 * they are written as <double> even when integral ("1.0").
 */
import { XMLParser } from 'fast-xml-parser';
import { PyFloat, pyFloatText } from '../orm/py-json';

type Node = Record<string, unknown>;

const parser = new XMLParser({ preserveOrder: true, parseTagValue: false, trimValues: false, ignoreDeclaration: true, processEntities: true });

function tagOf(node: Node): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}

function children(node: Node): Node[] {
  const tag = tagOf(node);
  const list = tag ? node[tag] : undefined;
  return Array.isArray(list) ? (list as Node[]) : [];
}

function elements(node: Node): Node[] {
  return children(node).filter((child) => tagOf(child) !== '#text');
}

function text(node: Node): string {
  return children(node)
    .filter((child) => tagOf(child) === '#text')
    .map((child) => String(child['#text']))
    .join('');
}

function decodeValue(valueNode: Node): unknown {
  const typed = elements(valueNode)[0];
  if (!typed) return text(valueNode);
  const tag = tagOf(typed);
  switch (tag) {
    case 'int':
    case 'i4':
    case 'i8':
      return Number.parseInt(text(typed).trim(), 10);
    case 'double':
      return Number.parseFloat(text(typed).trim());
    case 'boolean':
      return text(typed).trim() === '1';
    case 'string':
    case 'dateTime.iso8601':
    case 'base64':
      return text(typed);
    case 'nil':
      return null;
    case 'array': {
      const data = elements(typed).find((n) => tagOf(n) === 'data');
      return data ? elements(data).filter((n) => tagOf(n) === 'value').map(decodeValue) : [];
    }
    case 'struct': {
      const result: Record<string, unknown> = {};
      for (const member of elements(typed).filter((n) => tagOf(n) === 'member')) {
        const parts = elements(member);
        const name = parts.find((n) => tagOf(n) === 'name');
        const value = parts.find((n) => tagOf(n) === 'value');
        if (name && value) result[text(name)] = decodeValue(value);
      }
      return result;
    }
    default:
      throw new Error(`unsupported XML-RPC type <${String(tag)}>`);
  }
}

/** Parses a <methodCall>; throws on malformed XML. */
export function decodeMethodCall(xml: string): { methodName: string; params: unknown[] } {
  const roots = parser.parse(xml) as Node[];
  const call = roots.find((n) => tagOf(n) === 'methodCall');
  if (!call) throw new Error('not an XML-RPC methodCall');
  const parts = elements(call);
  const nameNode = parts.find((n) => tagOf(n) === 'methodName');
  const paramsNode = parts.find((n) => tagOf(n) === 'params');
  const params = paramsNode
    ? elements(paramsNode)
        .filter((n) => tagOf(n) === 'param')
        .map((param) => {
          const value = elements(param).find((n) => tagOf(n) === 'value');
          return value ? decodeValue(value) : null;
        })
    : [];
  return { methodName: nameNode ? text(nameNode).trim() : '', params };
}

function escapeXml(value: string): string {
  // Control characters are not allowed in XML 1.0; Odoo strips them too.
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function encodeValue(value: unknown): string {
  if (value instanceof PyFloat) return `<value><double>${pyFloatText(value.value)}</double></value>`;
  if (value === null || value === undefined) return '<value><nil/></value>';
  if (typeof value === 'boolean') return `<value><boolean>${value ? 1 : 0}</boolean></value>`;
  if (typeof value === 'number') {
    return Number.isInteger(value) ? `<value><int>${value}</int></value>` : `<value><double>${pyFloatText(value)}</double></value>`;
  }
  if (typeof value === 'string') return `<value><string>${escapeXml(value)}</string></value>`;
  if (Array.isArray(value)) return `<value><array><data>\n${value.map(encodeValue).join('\n')}\n</data></array></value>`;
  if (typeof value === 'object') {
    const members = Object.entries(value)
      .map(([k, v]) => `<member>\n<name>${escapeXml(k)}</name>\n${encodeValue(v)}\n</member>`)
      .join('\n');
    return `<value><struct>\n${members}\n</struct></value>`;
  }
  return `<value><string>${escapeXml(String(value))}</string></value>`;
}

export function encodeResponse(value: unknown): string {
  return `<?xml version="1.0"?>\n<methodResponse>\n<params>\n<param>\n${encodeValue(value)}\n</param>\n</params>\n\n</methodResponse>\n`;
}

export function encodeFault(code: number | string, message: string): string {
  return `<?xml version="1.0"?>\n<methodResponse>\n<fault>\n${encodeValue({ faultCode: code, faultString: message })}\n</fault>\n\n</methodResponse>\n`;
}
