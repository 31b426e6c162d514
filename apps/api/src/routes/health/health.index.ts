import { createRoute, z } from '@hono/zod-openapi'
import { sql } from 'drizzle-orm'
import { createRouter } from '../../lib/router'
import { jsonResponse } from '../../lib/schemas'

const HealthSchema = z
  .object({ status: z.enum(['ok', 'degraded']), database: z.enum(['reachable', 'unreachable']) })
  .openapi('Health')

const health = createRoute({
  operationId: 'health',
  method: 'get',
  path: '/health',
  tags: ['System'],
  summary: 'Is the server up, and can it reach its database?',
  responses: {
    200: jsonResponse(HealthSchema, 'The server and database are up'),
    503: jsonResponse(HealthSchema, 'The database cannot be reached'),
  },
})

export const healthRouter = createRouter().openapi(health, async (c) => {
  try {
    await c.get('deps').db.execute(sql`select 1`)
    return c.json({ status: 'ok' as const, database: 'reachable' as const }, 200)
  } catch {
    return c.json({ status: 'degraded' as const, database: 'unreachable' as const }, 503)
  }
})
