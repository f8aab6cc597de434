import type { Logger, LogLevel } from '../../src/ops/logger';
import { createLogger } from '../../src/ops/pinoLogger';

/** A real (pino) logger whose JSON lines are kept in memory, for tests that read what was logged. */
export interface CapturedLogs {
  logger: Logger;
  /** Every line, parsed. */
  lines(): Array<Record<string, unknown>>;
  /** Every line as written, joined (for error messages and `toContain`). */
  text(): string;
}

export function captureLogs(level: LogLevel = 'debug'): CapturedLogs {
  const raw: string[] = [];
  const logger = createLogger({ level, destination: { write: (line) => void raw.push(line) } });
  return {
    logger,
    lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>),
    text: () => raw.join(''),
  };
}

/** A logger that writes nothing (pino at level silent). */
export const quietLogger: Logger = createLogger({ level: 'silent' });
