import type { Logger } from '../core/deps.js';

type Fields = Record<string, string | number | boolean>;

/** Field names that may carry a value as-is. Everything else is checked against SENSITIVE. */
const SAFE_FIELDS = new Set([
  'tipId',
  'deskKeyId',
  'incident',
  'code',
  'status',
  'channel',
  'attachments',
  'count',
  'host',
  'port',
  'version',
  'durationMs',
  'updateType',
  'method',
  'route',
  'signal',
  'rateLimitPerHour',
  'mode',
  'note',
]);
const SENSITIVE =
  /text|message|body|content|chat|ip|addr|token|pass|secret|key|codename|name|user|phone|contact|mail|agent|url|path/i;
const MAX_VALUE_CHARS = 200;

/** Never log tip text, addresses, chat ids, names, tokens or keys: unknown fields are redacted. */
export function redactFields(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!SAFE_FIELDS.has(key) && SENSITIVE.test(key)) {
      out[key] = '[redacted]';
    } else if (typeof value === 'string') {
      out[key] = value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
    } else {
      out[key] = value;
    }
  }
  return out;
}

export type LogSink = (level: 'info' | 'warn' | 'error', line: string) => void;

const processSink: LogSink = (level, line) => {
  (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
};

/** The one logger: JSON lines, static event names, redacted fields. No other module writes output. */
export function createLogger(sink: LogSink = processSink, clock: () => number = Date.now): Logger {
  const emit = (level: 'info' | 'warn' | 'error', event: string, fields?: Fields) => {
    const safeEvent = /^[a-z0-9_.:-]{1,80}$/i.test(event) ? event : 'invalid_event_name';
    sink(
      level,
      JSON.stringify({
        time: new Date(clock()).toISOString(),
        level,
        event: safeEvent,
        ...redactFields(fields ?? {}),
      }),
    );
  };
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

/** A logger that records lines in memory, for tests. */
export function createMemoryLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  return { ...createLogger((_level, line) => lines.push(line)), lines };
}
