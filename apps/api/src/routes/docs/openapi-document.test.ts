import { Document as SpectralDocument, Spectral } from '@stoplight/spectral-core'
import { Json } from '@stoplight/spectral-parsers'
import { oas } from '@stoplight/spectral-rulesets'
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

  it('says in each description who may call the operation, from the rule the gate enforces', () => {
    const ops = operations() as { at: string; operation: Operation & { 'x-kracht-access'?: { rule: string } } }[]
    const unsaid = ops.filter(({ operation }) => !/Who may call it:/.test(operation.description ?? '')).map(({ at }) => at)
    expect(unsaid).toEqual([])
    const consent = ops.filter(({ operation }) => operation['x-kracht-access']?.rule === 'consent')
    expect(consent.length).toBeGreaterThan(20)
    expect(consent.filter(({ operation }) => !/consent/.test(operation.description ?? '')).map(({ at }) => at)).toEqual([])
  })

  it('names a contact', () => {
    expect(document.info.contact?.name).toBeTruthy()
  })

  it('passes Spectral\'s standard OpenAPI rules (spectral:oas) without a finding', async () => {
    const spectral = new Spectral()
    spectral.setRuleset({ extends: [[oas as Parameters<Spectral['setRuleset']>[0] & object, 'recommended']] } as Parameters<Spectral['setRuleset']>[0])
    const results = await spectral.run(new SpectralDocument(JSON.stringify(document), Json))
    const findings = results.map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`)
    expect(findings).toEqual([])
  })
})
