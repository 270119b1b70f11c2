import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

export function createLogger(config: Config): Logger {
  return pino({
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'password'],
    ...(config.prettyLogs && { transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss' } } }),
  });
}
