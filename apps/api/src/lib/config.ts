import { randomBytes } from 'node:crypto'
import { z } from 'zod'

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback)

/** Every setting the server reads, parsed once at start. The README's configuration table mirrors it. */
export const configSchema = z
  .object({
    /**
     * The app's own mode: `demo` (demo data, a random key, the embedded database), `production`
     * (required settings, no demo data, HSTS) or `test`. Unset, it follows NODE_ENV (`production`,
     * `test`, else `demo`) so older set-ups keep their meaning. React's build does not follow it:
     * `npm start` always serves the production build (apps/server/src/main.ts).
     */
    KRACHT_MODE: z.enum(['demo', 'production', 'test']).optional(),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATA_DIR: z.string().min(1).default('.data'),
    DATABASE_URL: z.string().url().optional(),
    /** The owner's connection, for migrations only; DATABASE_URL then connects as a user in kracht_app. */
    MIGRATION_DATABASE_URL: z.string().url().optional(),
    PUBLIC_URL: z.string().url().optional(),
    SESSION_SECRET: z.string().optional(),
    SESSION_IDLE_MINUTES: positiveInt(30),
    SESSION_ABSOLUTE_HOURS: positiveInt(12),
    INVITATION_DAYS: positiveInt(14),
    DEMO_PASSWORD: z.string().min(10).default('kracht-demo'),
    /** Deprecated spelling of TRUSTED_PROXIES=1, kept so older set-ups keep working. */
    TRUST_PROXY: z
      .enum(['true', 'false', '1', '0'])
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
    /**
     * How many proxies of our own stand in front of the server. The client address is the hop that
     * many places from the right of X-Forwarded-For: everything left of it the client could forge.
     */
    TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).optional(),
    /** Wrong passphrases for one account from one address before that address waits. */
    LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveInt(5),
    LOGIN_MAX_FAILURES_PER_IP: positiveInt(30),
    LOGIN_LOCK_MINUTES: positiveInt(15),
    // Rate limits on writes, per signed-in person and per minute, counted in the database (lib/rate-limit.ts).
    // Generous for a person writing quickly; a script sending hundreds is stopped. 0 turns a limit off
    // (for a proxy in front that limits already).
    RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(0).default(60),
    RATE_LIMIT_ASSISTANT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
    /** Unknown invitation codes from all addresses together before code entry pauses for everyone. */
    INVITATION_MAX_FAILURES_GLOBAL: positiveInt(300),
    /** Embedded database only: a backup every this many hours into $DATA_DIR/backups; 0 turns it off. */
    BACKUP_EVERY_HOURS: z.coerce.number().min(0).max(24 * 7).default(24),
    /** Backups older than this are removed (the newest one is always kept). */
    BACKUP_KEEP_DAYS: positiveInt(14),
    /** How long an access-reset code works; never more than 30 minutes. */
    RESET_CODE_MINUTES: z.coerce.number().int().min(1).max(30).default(30),
  })
  .superRefine((env, ctx) => {
    if (appMode(env) !== 'production') return
    if (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is required in production: at least 32 random characters (e.g. `openssl rand -hex 32`)',
      })
    }
    if (!env.PUBLIC_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message: 'is required in production: the address people use, e.g. https://kracht.example.nl (invitation links use it)',
      })
    }
    if (!env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'is required in production: client data belongs on a PostgreSQL server, not in the embedded database',
      })
    }
  })

export type RawConfig = z.infer<typeof configSchema>
export type AppMode = 'demo' | 'production' | 'test'

/** KRACHT_MODE, or what NODE_ENV meant before the two were separate. */
export function appMode(env: { KRACHT_MODE?: AppMode | string | undefined; NODE_ENV?: string | undefined }): AppMode {
  if (env.KRACHT_MODE === 'demo' || env.KRACHT_MODE === 'production' || env.KRACHT_MODE === 'test') return env.KRACHT_MODE
  if (env.NODE_ENV === 'production') return 'production'
  if (env.NODE_ENV === 'test') return 'test'
  return 'demo'
}

export interface Config extends RawConfig {
  mode: AppMode
  /** `mode === 'production'`: required settings, no demo data, HSTS. */
  production: boolean
  publicUrl: string
  /** Key for hashing session and invitation tokens and for encrypting TOTP secrets. */
  secret: string
  /** Proxies of our own in front of the server (TRUSTED_PROXIES, or 1 for TRUST_PROXY=true). */
  trustedProxies: number
  /** Cookies get `Secure` and the `__Host-` prefix whenever people reach us over https. */
  secureCookies: boolean
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * Reads the configuration. Without SESSION_SECRET (allowed outside production only) the caller passes
 * `secretFallback`: the server's is a random key kept in the data folder (lib/instance-secret.ts),
 * tests pass none and get a random key per process. There is no fixed development key any more:
 * a known key would let anyone forge session hashes for a demo that was put on the internet.
 */
export function loadConfig(env: Record<string, string | undefined>, secretFallback?: () => string): Config {
  const parsed = configSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')} ${issue.message}`)
    throw new ConfigError(`Kracht cannot start, the configuration is not complete:\n${lines.join('\n')}`)
  }
  const raw = parsed.data
  const publicUrl = (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, '')
  return {
    ...raw,
    mode: appMode(raw),
    production: appMode(raw) === 'production',
    publicUrl,
    secret: raw.SESSION_SECRET ?? (secretFallback ? secretFallback() : randomBytes(32).toString('hex')),
    trustedProxies: raw.TRUSTED_PROXIES ?? (raw.TRUST_PROXY ? 1 : 0),
    secureCookies: publicUrl.startsWith('https://'),
  }
}
