export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

/** Structured logger passed to every module; no module creates its own global one. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(scope: string): Logger;
}

export interface LogRecord {
  time: string;
  level: LogLevel;
  scope: string;
  msg: string;
  fields?: LogFields;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// Field names whose values are secrets; redacted even if a caller passes them by mistake.
const SECRET_KEYS = /api[_-]?key|password|secret|token|authorization|cookie/i;

function redact(fields: LogFields | undefined): LogFields | undefined {
  if (!fields) return undefined;
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) out[key] = SECRET_KEYS.test(key) ? '[redacted]' : value;
  return out;
}

/**
 * Creates a logger writing one JSON line per record (to stderr by default, so `--json` stdout stays clean).
 * `write` lets hosts send records to a file or to memory.
 */
export function createLogger(options: { level?: LogLevel; scope?: string; write?: (record: LogRecord) => void } = {}): Logger {
  const min = ORDER[options.level ?? 'info'];
  const write = options.write ?? ((record: LogRecord) => process.stderr.write(`${JSON.stringify(record)}\n`));
  const make = (scope: string): Logger => {
    const emit = (level: LogLevel) => (msg: string, fields?: LogFields) => {
      if (ORDER[level] < min) return;
      write({ time: new Date().toISOString(), level, scope, msg, fields: redact(fields) });
    };
    return {
      debug: emit('debug'),
      info: emit('info'),
      warn: emit('warn'),
      error: emit('error'),
      child: (sub) => make(scope ? `${scope}.${sub}` : sub),
    };
  };
  return make(options.scope ?? '');
}

/** Discards everything: for tests and library calls that want no output. */
export const silentLogger: Logger = createLogger({ level: 'error', write: () => undefined });
