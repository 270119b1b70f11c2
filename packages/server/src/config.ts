import path from 'node:path';

/** Everything the server reads from the environment, parsed once at start-up. Nothing else reads `process.env`. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** External PostgreSQL (≥ 15); when absent the embedded server under `dataDir/pg` is used. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly embeddedPgPort: number;
  readonly logLevel: string;
  readonly prettyLogs: boolean;
  /** Sets the Secure flag on cookies even when the request itself arrived over plain HTTP (TLS ends at a proxy). */
  readonly secureCookies: boolean;
  readonly trustProxy: boolean;
  readonly sessionIdleMinutes: number;
  readonly sessionMaxHours: number;
  readonly loginMaxFailures: number;
  readonly loginLockoutMinutes: number;
  readonly loginRateLimitPerMinute: number;
  readonly mail: {
    readonly host: string | undefined;
    readonly port: number;
    readonly from: string;
  };
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative whole number, got "${raw}"`);
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const config: Config = {
    port: int(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.HTM_DATA_DIR || 'data'),
    embeddedPgPort: int(env, 'HTM_EMBEDDED_PG_PORT', 54320),
    logLevel: env.LOG_LEVEL || 'info',
    prettyLogs: bool(env, 'HTM_PRETTY_LOGS', Boolean(process.stdout.isTTY)),
    secureCookies: bool(env, 'HTM_SECURE_COOKIES', false),
    trustProxy: bool(env, 'HTM_TRUST_PROXY', false),
    sessionIdleMinutes: int(env, 'HTM_SESSION_IDLE_MINUTES', 12 * 60),
    sessionMaxHours: int(env, 'HTM_SESSION_MAX_HOURS', 7 * 24),
    loginMaxFailures: int(env, 'HTM_LOGIN_MAX_FAILURES', 5),
    loginLockoutMinutes: int(env, 'HTM_LOGIN_LOCKOUT_MINUTES', 15),
    loginRateLimitPerMinute: int(env, 'HTM_LOGIN_RATE_LIMIT', 20),
    mail: {
      host: env.SMTP_HOST || undefined,
      port: int(env, 'SMTP_PORT', 587),
      from: env.MAIL_FROM || 'OpenHTM <openhtm@localhost>',
    },
    ...overrides,
  };
  return Object.freeze(config);
}
