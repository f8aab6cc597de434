import pino from 'pino';
import pretty from 'pino-pretty';
import type { LogFields, Logger, LogLevel } from './logger';

export interface LoggerOptions {
  level: LogLevel;
  /** Human-readable lines (a terminal); JSON lines otherwise. */
  pretty?: boolean;
  /** Where lines go (tests collect them in memory); standard output when absent. */
  destination?: { write(line: string): void };
}

/** The process's logger: pino JSON lines (level, time, message, fields), or pino-pretty in a terminal. */
export function createLogger(options: LoggerOptions): Logger {
  // "level":"info" rather than 30, and an ISO time: lines read the same in a file and in a log viewer.
  const base: pino.LoggerOptions = {
    level: options.level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
  if (options.destination !== undefined) return wrap(pino(base, options.destination));
  // pino-pretty as a stream in this thread, not a transport: no worker thread to start or to flush at exit.
  if (options.pretty === true) return wrap(pino(base, pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l' })));
  return wrap(pino(base));
}

function wrap(p: pino.Logger): Logger {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, fields?: LogFields): void => {
      if (fields === undefined) p[level](message);
      else p[level](fields, message);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: (fields) => wrap(p.child(fields)) };
}
