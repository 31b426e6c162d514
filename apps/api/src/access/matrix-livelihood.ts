import { beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { accessLog } from '@kracht/db'
import type { TestApi } from '../testing'

/**
 * The authorisation matrix's rows for the bridge and the money page (scope `livelihood`), kept
 * beside the matrix so its file stays readable. Used only by `authorisation-matrix.test.ts`: once
 * while nobody has the scope, once after the client shared it. Writes are the client's alone, and
 * the client's own writes are refused on purpose (a stale version, an unknown pillar) so the walk
 * changes nothing.
 */
export interface LivelihoodRow<E> {
  route: string
  op: string
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  path: (ids: { sam: string }) => string
  body?: () => unknown
  expect: E
}

export function livelihoodRows<E>(placementId: string, expect: { seen: E; created: E; written: E; gone: E }): LivelihoodRow<E>[] {
  const C = '/clients/{clientId}'
  return [
    { route: 'bridge', op: `GET ${C}/bridge`, method: 'GET', path: (i) => `/clients/${i.sam}/bridge`, expect: expect.seen },
    {
      route: 'place on a pillar',
      op: `POST ${C}/bridge/placements`,
      method: 'POST',
      path: (i) => `/clients/${i.sam}/bridge/placements`,
      body: () => ({ pillar: 'nope', step: 3, after: null }),
      expect: expect.created,
    },
    {
      route: 'change a placement',
      op: `PATCH ${C}/bridge/placements/{placementId}`,
      method: 'PATCH',
      path: (i) => `/clients/${i.sam}/bridge/placements/${placementId}`,
      body: () => ({ version: 999, step: 2 }),
      expect: expect.gone,
    },
    {
      route: 'remove a placement',
      op: `DELETE ${C}/bridge/placements/{placementId}`,
      method: 'DELETE',
      path: (i) => `/clients/${i.sam}/bridge/placements/${placementId}?version=999`,
      expect: expect.gone,
    },
    { route: 'money page', op: `GET ${C}/money`, method: 'GET', path: (i) => `/clients/${i.sam}/money`, expect: expect.seen },
    {
      route: 'save money page',
      op: `PUT ${C}/money`,
      method: 'PUT',
      path: (i) => `/clients/${i.sam}/money`,
      body: () => ({ version: 999, income: [], fixedCosts: [], debts: [], helpers: [], note: 'x' }),
      expect: expect.written,
    },
  ]
}

interface SharedContext<A extends string> {
  actors: readonly A[]
  R: (...codes: number[]) => Record<A, number>
  clientWrite: Record<A, number>
  none: string
  api: () => TestApi
  auth: Partial<Record<A, { cookie?: string; headers?: Record<string, string> }>>
  userIds: Partial<Record<A, string>>
  ids: () => { sam: string }
  logCount: () => Promise<number>
}

/**
 * The matrix once the client shared `livelihood` with eva (read): eva reads, nobody else does
 * (noor's consents hold other scopes, noor's token only `inventory`), and only the client writes.
 * Every access by someone else is logged once, under the `livelihood` scope.
 */
export function describeLivelihoodShared<A extends string>(ctx: SharedContext<A>) {
  const { R } = ctx
  describe('authorisation matrix: livelihood shared', () => {
    //                          sam  kim  noor lotte bas  eva  pim  admin token nobody
    const seen = /* ------- */ R(200, 403, 403, 403, 403, 200, 403, 403, 403, 401)
    const gone = /* ------- */ R(404, 403, 403, 403, 403, 403, 403, 403, 403, 401)
    const created = /* ---- */ R(400, 403, 403, 403, 403, 403, 403, 403, 403, 401)
    const rows = livelihoodRows(ctx.none, { seen, created, written: ctx.clientWrite, gone })
    const actorOf = (name: string) => ctx.actors.find((actor) => actor === name)
    beforeAll(async () => {
      const t = ctx.api()
      const sam = actorOf('sam')
      const granted = await t.json('POST', `/clients/${t.ids.sam}/consents`, {
        cookie: sam ? ctx.auth[sam]?.cookie : undefined,
        body: { granteeId: t.ids.eva, scopes: ['livelihood'], access: 'read', endsAt: null },
      })
      expect(granted.status).toBe(201)
    })
    it.each(rows.flatMap((row) => ctx.actors.map((actor) => [row.route, actor, row] as const)))('%s × %s', async (_route, actor, row) => {
      const t = ctx.api()
      const before = await ctx.logCount()
      const response = await t.json(row.method, row.path(ctx.ids()), { ...ctx.auth[actor], ...(row.body ? { body: row.body() } : {}) })
      expect(response.status, await response.text()).toBe(row.expect[actor])
      const logged = (await ctx.logCount()) - before
      // The client's own use is not logged, nor a request without anyone signed in; token writes stop at the door.
      if (actor === 'sam' || actor === 'nobody' || (actor === 'token' && row.method !== 'GET')) expect(logged).toBe(0)
      else {
        expect(logged).toBe(1)
        const [entry] = await t.deps.db.select().from(accessLog).where(eq(accessLog.clientId, t.ids.sam)).orderBy(accessLog.at).offset(before)
        expect(entry).toMatchObject({ scope: 'livelihood', outcome: response.ok ? 'allowed' : 'denied', actorId: ctx.userIds[actor] })
      }
    })
  })
}
