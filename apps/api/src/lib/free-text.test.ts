import { describe, expect, it } from 'vitest'
import type { z } from '@hono/zod-openapi'
import { createApi } from '../app'
import { loadConfig } from './config'
import { sanitiseLine, sanitiseText } from './sanitise-text'

/**
 * No free-text field of the API escapes the sanitiser: this walks every route's request schema
 * (body, query, path) as the route definitions declare it, and lists each string field that neither
 * has a fixed format (uuid, date, pattern, enum) nor starts from TextSchema or LineSchema.
 */

// Passwords are compared, never shown: they must reach the hash exactly as typed.
const exempt = new Set(['password', 'currentPassword', 'newPassword'])

interface ZodInternals {
  _zod: {
    def: {
      type: string
      format?: string
      checks?: { _zod: { def: { check: string; tx?: unknown } } }[]
      shape?: Record<string, ZodInternals>
      element?: ZodInternals
      innerType?: ZodInternals
      in?: ZodInternals
      out?: ZodInternals
      options?: ZodInternals[]
      left?: ZodInternals
      right?: ZodInternals
      keyType?: ZodInternals
      valueType?: ZodInternals
      items?: ZodInternals[]
    }
  }
}

function isSanitised(schema: ZodInternals): boolean {
  return (schema._zod.def.checks ?? []).some((check) => {
    const def = check._zod.def
    return def.check === 'overwrite' && (def.tx === sanitiseText || def.tx === sanitiseLine)
  })
}

function hasFixedFormat(schema: ZodInternals): boolean {
  if (schema._zod.def.format) return true
  return (schema._zod.def.checks ?? []).some((check) => check._zod.def.check === 'string_format')
}

/** Paths of string fields that are free text and not sanitised. */
function unsanitised(schema: ZodInternals, path: string, found: string[]): void {
  const def = schema._zod.def
  const name = path.split('.').at(-1)?.replace('[]', '') ?? ''
  switch (def.type) {
    case 'string':
      if (!exempt.has(name) && !hasFixedFormat(schema) && !isSanitised(schema)) found.push(path)
      return
    case 'object':
      for (const [key, child] of Object.entries(def.shape ?? {})) unsanitised(child, `${path}.${key}`, found)
      return
    case 'array':
      if (def.element) unsanitised(def.element, `${path}[]`, found)
      return
    case 'pipe':
      if (def.in) unsanitised(def.in, path, found)
      return
    case 'union':
      for (const option of def.options ?? []) unsanitised(option, path, found)
      return
    case 'intersection':
      if (def.left) unsanitised(def.left, path, found)
      if (def.right) unsanitised(def.right, path, found)
      return
    case 'record':
      if (def.keyType) unsanitised(def.keyType, `${path}{key}`, found)
      if (def.valueType) unsanitised(def.valueType, `${path}{}`, found)
      return
    case 'tuple':
      for (const item of def.items ?? []) unsanitised(item, `${path}[]`, found)
      return
    default:
      if (def.innerType) unsanitised(def.innerType, path, found)
  }
}

interface RouteDefinition {
  type: string
  route?: {
    method: string
    path: string
    request?: {
      body?: { content?: Record<string, { schema?: unknown }> }
      query?: unknown
      params?: unknown
    }
  }
}

function routeDefinitions(): RouteDefinition[] {
  // Building the app touches no database: handlers only read deps when a request comes.
  const api = createApi({ db: undefined as never, config: loadConfig({ NODE_ENV: 'test' }), now: () => new Date() })
  return api.openAPIRegistry.definitions as RouteDefinition[]
}

const asInternals = (schema: unknown) => schema as ZodInternals & z.ZodType

describe('free text in every request', () => {
  const routes = routeDefinitions().flatMap((definition) => (definition.type === 'route' && definition.route ? [definition.route] : []))

  it('finds the routes that take a body (so the walk below is not empty)', () => {
    expect(routes.filter((route) => route.request?.body).length).toBeGreaterThan(10)
  })

  it('goes through TextSchema or LineSchema', () => {
    const found: string[] = []
    for (const route of routes) {
      const where = `${route.method.toUpperCase()} ${route.path}`
      for (const content of Object.values(route.request?.body?.content ?? {})) {
        if (content.schema) unsanitised(asInternals(content.schema), `${where} body`, found)
      }
      if (route.request?.query) unsanitised(asInternals(route.request.query), `${where} query`, found)
      if (route.request?.params) unsanitised(asInternals(route.request.params), `${where} params`, found)
    }
    expect(found).toEqual([])
  })
})
