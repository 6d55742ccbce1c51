// Bolt logs through our pino logger, so every line is structured JSON with one format.
import { LogLevel, type Logger } from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';

export function createBoltLogger(pino: PinoLogger): Logger {
  let named = pino.child({ component: 'bolt' });
  const asText = (msg: unknown[]): string =>
    msg.map((part) => (typeof part === 'string' ? part : String(part))).join(' ');
  return {
    debug: (...msg) => named.debug(asText(msg)),
    info: (...msg) => named.info(asText(msg)),
    warn: (...msg) => named.warn(asText(msg)),
    error: (...msg) => named.error(asText(msg)),
    // Bolt sets its own default level on every logger it is given; EOLWATCH_LOG_LEVEL decides instead.
    setLevel: () => undefined,
    getLevel: () => (named.level as LogLevel) ?? LogLevel.INFO,
    setName: (name) => {
      named = pino.child({ component: name });
    },
  };
}
