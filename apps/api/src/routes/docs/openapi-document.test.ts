import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDatabase, type DatabaseHandle } from '@kracht/db'
import { createApi } from '../../app'
import { loadConfig } from '../../lib/config'

// The document others build clients from: every operation named and described, every tag declared.
// Reading the document touches no table, so an empty in-memory database will do.

type Operation = { operationId?: string; summary?: string; description?: string; tags?: string[] }
type Document = {
  info: { contact?: { name?: string } }
  tags?: { name: string; description?: string }[]
  paths: Record<string, Record<string, Operation>>
}

let handle: DatabaseHandle
let document: Document
beforeAll(async () => {
  handle = await createDatabase({ memory: true })
  const api = createApi({ db: handle.db, config: loadConfig({ NODE_ENV: 'test' }), now: () => new Date() })
  document = await (await api.request('/openapi.json')).json()
})
afterAll(() => handle.close())

const operations = () =>
  Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ at: `${method.toUpperCase()} ${path}`, operation })))

describe('the OpenAPI document', () => {
  it('gives every operation a unique operationId', () => {
    const missing = operations().filter(({ operation }) => !operation.operationId).map(({ at }) => at)
    expect(missing).toEqual([])
    const ids = operations().map(({ operation }) => operation.operationId)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('declares every tag an operation uses, with a line saying what it is for', () => {
    const declared = new Map((document.tags ?? []).map((tag) => [tag.name, tag.description ?? '']))
    const used = new Set(operations().flatMap(({ operation }) => operation.tags ?? []))
    expect([...used].filter((tag) => !declared.get(tag))).toEqual([])
  })

  it('names a contact', () => {
    expect(document.info.contact?.name).toBeTruthy()
  })
})
