import { describe, expect, it, vi } from 'vitest'

/*
 * The browser draws each field's required/maxlength/min/max from a stand-in for zod
 * (zod-stand-in.ts); the server from zod itself. Both must give the same facts, or a page drawn in
 * the browser differs from the one the server sent. Each module's schemas are read both ways.
 */

type Constraints = Record<string, Record<string, unknown>>

/** What the pages draw (forms/use-form.ts leaves out `pattern`). */
function drawn(constraints: Constraints): Constraints {
  return Object.fromEntries(
    Object.entries(constraints).map(([name, constraint]) => [name, Object.fromEntries(Object.entries(constraint).filter(([key, value]) => key !== 'pattern' && value !== undefined))]),
  )
}

const modules = ['./zod-stand-in.cases', '../lib/statement-schema', '../lib/network-schema', '../lib/plan-schema', '../lib/review-forms', '../lib/invitation-forms', '../lib/for-you-forms', '../lib/messages'] as const

async function schemasOf(path: string, standIn: boolean): Promise<Record<string, Constraints>> {
  vi.resetModules()
  if (standIn) {
    vi.doMock('zod', () => import('./zod-stand-in'))
    vi.doMock('@conform-to/zod/v4', () => import('./zod-stand-in'))
  } else {
    vi.doUnmock('zod')
    vi.doUnmock('@conform-to/zod/v4')
  }
  const { getZodConstraint } = await import('@conform-to/zod/v4')
  const { z } = await import('zod')
  const exported: Record<string, unknown> = await import(/* @vite-ignore */ path)
  const result: Record<string, Constraints> = {}
  for (const [name, value] of Object.entries(exported)) {
    const isSchema = standIn ? typeof value === 'object' && value !== null && typeof Reflect.get(value, 'optional') === 'function' : value instanceof z.ZodType
    if (!isSchema) continue
    // A form's schema or one field's: each read as a field of a form.
    result[name] = drawn({ ...getZodConstraint(z.object({ field: value })) })
  }
  return result
}

describe('the browser reads the same field facts from a schema as the server', () => {
  it.each(modules)('%s', async (path) => {
    const real = await schemasOf(path, false)
    const browser = await schemasOf(path, true)
    expect(Object.keys(real).length).toBeGreaterThan(0)
    expect(browser).toEqual(real)
  })
})
