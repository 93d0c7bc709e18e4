import { appendFileSync } from 'node:fs';
import { redactField, redactText } from './logRedaction';

/**
 * The core's logger. Every line passes through redaction: secrets registered with `redact` never
 * appear, whatever a message or an error happens to contain, and PHI is kept out (logRedaction:
 * fax numbers to their last four digits, names, subjects, notes and file names dropped).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogSink = (level: LogLevel, line: string) => void;

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** Registers a value that must never be written (a secret, a token). */
  redact(value: string): void;
}

const consoleSink: LogSink = (level, line) => {
  // FAXDESK_LOG_FILE: every line (debug too) also appended to a file, so a test run's whole log can be scanned.
  if (process.env.FAXDESK_LOG_FILE) {
    try {
      appendFileSync(process.env.FAXDESK_LOG_FILE, `${line}\n`);
    } catch {
      // A log file that cannot be written never stops the core.
    }
  }
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else if (process.env.FAXDESK_LOG === 'debug' || level === 'info') console.log(line);
};

export function createLogger(sink: LogSink = consoleSink): Logger {
  const secrets = new Set<string>();
  const scrub = (text: string) => {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join('[redacted]');
    return out;
  };
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    let extra = '';
    if (fields) {
      try {
        extra = ' ' + JSON.stringify(fields, (key, v: unknown) => redactField(key, v));
      } catch {
        extra = ' [unserialisable fields]';
      }
    }
    sink(level, scrub(`${new Date().toISOString()} ${level.toUpperCase()} ${redactText(message)}${extra}`));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    redact: (value) => {
      if (value.length >= 4) secrets.add(value);
    },
  };
}
