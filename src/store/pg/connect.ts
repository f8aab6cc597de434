import { Pool } from 'pg';

/** How long a new connection may take before the attempt counts as "unreachable". */
const CONNECT_TIMEOUT_MS = 5000;

/**
 * Where `url` points, for messages: host, port and database, never the user's password.
 * "postgres://bot:secret@db:5432/fa" → "db:5432/fa".
 */
export function describeTarget(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname === '' ? 'localhost' : u.hostname;
    const db = u.pathname.replace(/^\//, '');
    return `${host}:${u.port === '' ? '5432' : u.port}${db === '' ? '' : `/${decodeURIComponent(db)}`}`;
  } catch {
    return '(an unparsable DATABASE_URL)';
  }
}

/** A `pg` error's message with any password of `url` taken out (drivers sometimes echo the URL). */
export function safeMessage(err: unknown, url: string): string {
  const message = err instanceof Error ? err.message : String(err);
  let password = '';
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    // an unparsable URL names no password
  }
  return password === '' ? message : message.split(password).join('***');
}

/**
 * The connection pool of one bot process, shared by everything that keeps its data in this
 * database (the policy store; the pending confirmations may use the same pool). An idle connection
 * the server drops emits `error` on the pool: handled here, or it would crash the process; the next
 * query simply takes a new connection.
 */
export function connectPostgres(url: string, options: { max?: number; onIdleError?: (message: string) => void } = {}): Pool {
  const pool = new Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // A transaction left open by a vanished client must not hold its row locks for long.
    idle_in_transaction_session_timeout: 60_000,
    application_name: 'federation-assistant',
  });
  pool.on('error', (err) => options.onIdleError?.(safeMessage(err, url)));
  return pool;
}
