import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
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

/** Every module of schemas the browser loads (lib/ and forms/, not server-only or tests), found, not listed. */
const appDir = fileURLToPath(new URL('..', import.meta.url))
const modules = ['lib', 'forms']
  .flatMap((dir) => readdirSync(join(appDir, dir)).map((file) => join(dir, file)))
  .filter((file) => /\.tsx?$/.test(file) && !/\.(server|test)\.tsx?$/.test(file) && file !== join('forms', 'zod-stand-in.ts'))
  .filter((file) => /from 'zod'/.test(readFileSync(join(appDir, file), 'utf8')))
  .map((file) => `../${file.replace(/\.tsx?$/, '')}`)

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
  it('finds the schema modules', () => {
    expect(modules).toContain('../lib/trajectory-forms')
  })

  it.each(modules)('%s', async (path) => {
    const real = await schemasOf(path, false)
    const browser = await schemasOf(path, true)
    // A module's other exports (a record of schemas, functions) must load against the stand-in too.
    expect(browser).toEqual(real)
  })
})
