import path from 'node:path';

/** The whole runtime configuration, read from the environment once at start. */
export interface Config {
  /** Folder for the embedded SQLite database, backups and generated files. */
  dataDir: string;
  /** PostgreSQL connection string; when absent Kyodo uses SQLite under dataDir. */
  databaseUrl: string | null;
  host: string;
  port: number;
  /** 'auto' marks cookies Secure when the request arrived over HTTPS (honouring X-Forwarded-Proto). */
  cookieSecure: 'auto' | boolean;
  /** Trust X-Forwarded-* headers from a load balancer in front of the app. */
  trustProxy: boolean;
  sessionTtlHours: number;
  signInRateLimit: { max: number; windowSeconds: number };
  logLevel: string;
  /** Password of the demo administrator; generated and kept under dataDir when not given. */
  demoPassword: string | null;
  mail: MailConfig;
  /** KYODO_DATA_KEYS: the data keys inline (`{"active":"id","keys":{"id":"base64"}}`); they win over the key file. */
  dataKeys: string | null;
  /** KYODO_DATA_KEY_FILE: the key file; null for `<dataDir>/data-keys.json` (see src/app/crypto/keyring.ts). */
  dataKeyFile: string | null;
  /**
   * PUBLIC_URL: the address members use (letters print it; passkeys are bound to its host name, the WebAuthn
   * relying party id). Without a trailing slash; http://localhost:<port> when not given.
   */
  publicUrl: string;
}

/** Outgoing mail (notices of meetings, invitations). Without an SMTP server, Kyodo sends nothing and says so. */
export interface MailConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465; null when mail is off. */
  smtpUrl: string | null;
  /** The From header, e.g. `Kyodo <no-reply@example.jp>`. */
  from: string;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function mailConfig(env: NodeJS.ProcessEnv): MailConfig {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl !== null) {
    let url: URL;
    try {
      url = new URL(smtpUrl);
    } catch {
      throw new ConfigError('SMTP_URL must be a URL such as smtp://user:password@host:587 or smtps://user:password@host:465');
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
    if (url.hostname === '') throw new ConfigError('SMTP_URL must name the mail server, as in smtp://host:587');
  }
  const from = env.MAIL_FROM?.trim() || 'Kyodo <no-reply@localhost>';
  // One address, on one line: a line break here would let the setting write headers of its own.
  if (!/^[^\r\n]*@[^\r\n]*$/.test(from)) throw new ConfigError(`MAIL_FROM must be one e-mail address, as in Kyodo <no-reply@example.jp>, got "${from}"`);
  return { smtpUrl, from };
}

function publicUrlOf(env: NodeJS.ProcessEnv, port: number): string {
  const raw = env.PUBLIC_URL?.trim();
  if (!raw) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an address such as https://kyodo.example.jp, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('PUBLIC_URL must start with https:// or http://');
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const cookieSecureRaw = env.COOKIE_SECURE?.trim().toLowerCase();
  const port = integer(env, 'PORT', 3000, 0, 65535);
  return {
    dataDir: path.resolve(env.DATA_DIR?.trim() || 'data'),
    databaseUrl,
    host: env.HOST?.trim() || '127.0.0.1',
    port,
    cookieSecure: !cookieSecureRaw || cookieSecureRaw === 'auto' ? 'auto' : flag(env, 'COOKIE_SECURE', false),
    trustProxy: flag(env, 'TRUST_PROXY', false),
    sessionTtlHours: integer(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 90),
    signInRateLimit: {
      max: integer(env, 'SIGN_IN_RATE_LIMIT', 10, 1, 100_000),
      windowSeconds: integer(env, 'SIGN_IN_RATE_WINDOW_SECONDS', 300, 1, 86_400),
    },
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    demoPassword: env.KYODO_DEMO_PASSWORD || null,
    mail: mailConfig(env),
    dataKeys: env.KYODO_DATA_KEYS?.trim() || null,
    dataKeyFile: env.KYODO_DATA_KEY_FILE?.trim() ? path.resolve(env.KYODO_DATA_KEY_FILE.trim()) : null,
    publicUrl: publicUrlOf(env, port),
  };
}
