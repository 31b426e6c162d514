import { vi } from 'vitest'
import { createTestDatabase, type TestDatabaseHandle } from '@kracht/db/testing'
import { seedDemo, type DemoUsername } from '@kracht/db'
import { createApi, type Api } from './app'
import { seedDemoContent } from './demo'
import { loadConfig } from './lib/config'
import type { Deps } from './lib/env'
import { hashPassphrase } from './auth/passphrase'

export const demoPassword = 'kracht-demo'

export interface TestApi {
  api: Api
  deps: Deps
  /** The database, with a way to act as its owner (a fault a test needs to cause). */
  handle: TestDatabaseHandle
  ids: Record<DemoUsername, string>
  /** Moves the clock the API sees. */
  advance(ms: number): void
  /** Signs a demo user in and returns the Cookie header to send. */
  signIn(username: string, password?: string): Promise<string>
  json(method: string, path: string, options?: { body?: unknown; cookie?: string; headers?: Record<string, string> }): Promise<Response>
  close(): Promise<void>
}

/** An API on a fresh, migrated database with the demo organisation and users, for one test file. */
export async function createTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const handle = await createTestDatabase()
  let offset = 0
  const deps: Deps = {
    db: handle.db,
    // Rate limits off unless a test asks for them: API tests make many writes as one person in a few
    // seconds. The limits have their own tests (test/security/limits.test.ts).
    config: loadConfig({ NODE_ENV: 'test', RATE_LIMIT_WRITES_PER_MINUTE: '0', RATE_LIMIT_ASSISTANT_PER_MINUTE: '0', ...env }),
    now: () => new Date(Date.now() + offset),
  }
  const seeded = await seedDemo(handle.db, { passwordHash: await hashPassphrase(demoPassword) })
  await seedDemoContent(deps, seeded)
  const api = createApi(deps)
  const request = async (method: string, path: string, options: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {}) =>
    api.request(path, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
    })
  return {
    api,
    deps,
    handle,
    ids: seeded.userIds as Record<DemoUsername, string>,
    advance(ms) {
      offset += ms
    },
    async signIn(username, password = demoPassword) {
      const response = await request('POST', '/auth/login', { body: { username, password } })
      if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`)
      return cookieFrom(response)
    },
    json: request,
    close: () => handle.close(),
  }
}

/** The `name=value` part of a Set-Cookie answer, ready to send back as a Cookie header. */
export function cookieFrom(response: Response): string {
  const header = response.headers.get('set-cookie') ?? ''
  return header.split(';')[0] ?? ''
}

/**
 * The SQL the embedded database was sent while `run` ran (issue 19 counts queries per request), or
 * null on PostgreSQL, where the tests that count are skipped.
 */
export async function queriesSent(t: TestApi, run: () => Promise<void>): Promise<string[] | null> {
  const pg = t.handle.pglite
  if (!pg) return null
  const query = pg.query
  const sent: string[] = []
  pg.query = ((...args: Parameters<typeof query>) => {
    sent.push(String(args[0]))
    return query.apply(pg, args)
  }) as typeof query
  try {
    await run()
  } finally {
    pg.query = query
  }
  return sent
}

/**
 * Runs `run` while every insert into the access log fails (a fault the code cannot cause), with the
 * server's error log silenced; the trigger is gone again afterwards, whatever `run` did.
 */
export async function whileAccessLogFails(t: TestApi, run: () => Promise<void>): Promise<void> {
  await t.handle.asOwner(`
    create function kracht_test_log_fails() returns trigger language plpgsql as $$ begin raise exception 'log down'; end $$;
    create trigger zzz_kracht_test_log_fails before insert on access_log for each row execute function kracht_test_log_fails();`)
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
  try {
    await run()
  } finally {
    logged.mockRestore()
    await t.handle.asOwner(`drop trigger zzz_kracht_test_log_fails on access_log; drop function kracht_test_log_fails();`)
  }
}
