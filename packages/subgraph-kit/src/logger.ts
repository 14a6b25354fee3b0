import pino from 'pino';

export type Logger = pino.Logger;

/** One JSON line per event; `service` on every line. Quiet under jest unless LOG_LEVEL says otherwise. */
export function createLogger(service: string, level = process.env['LOG_LEVEL'] ?? (process.env['JEST_WORKER_ID'] ? 'silent' : 'info')): Logger {
  return pino({ level, base: { service } });
}
