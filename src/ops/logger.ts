/** Values of a log line's fields: flat, so every line is JSON an operator can filter on. */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * What every layer logs through. Layers receive one as a dependency and never import a logging
 * library: the composition root decides where lines go and how they look. Info and above carry
 * identifiers and outcomes only; message text and addresses go to debug.
 */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose lines all carry `fields` too (a turn's id, say). */
  child(fields: LogFields): Logger;
}
