import { describe, expect, it } from 'vitest'
import { getTableName } from 'drizzle-orm'
import { getTableConfig } from 'drizzle-orm/pg-core'
import { clientTables, notClientData } from './coverage'
import { schemaTables } from './erase'

/**
 * Fails when a table that holds a client's data is added to the schema without a place in the
 * export and a rule for erasure (coverage.ts): the client's rights must not miss a new table.
 */
const tables = schemaTables().map((table) => {
  const config = getTableConfig(table)
  return {
    name: getTableName(table),
    columns: config.columns.map((column) => column.name),
  }
})
const covered = new Set(Object.keys(clientTables))

describe('the export and the erasure cover every table with client data', () => {
  it('lists every table with a client_id column in clientTables', () => {
    const missing = tables.filter((t) => t.columns.includes('client_id') && !covered.has(t.name)).map((t) => t.name)
    expect(missing, 'add these to apps/api/src/services/client-data/coverage.ts (and to the export)').toEqual([])
  })

  it('classifies every other table that points at a person, or that is new', () => {
    const unclassified = tables.filter((t) => !covered.has(t.name) && !(t.name in notClientData)).map((t) => t.name)
    expect(unclassified, 'add these to clientTables or notClientData in coverage.ts').toEqual([])
  })

  it('names only tables and columns that exist', () => {
    const byName = new Map(tables.map((t) => [t.name, t]))
    for (const [name, rule] of Object.entries(clientTables)) {
      expect(byName.get(name)?.columns, name).toContain(rule.column)
      if (rule.erase === 'cascade') expect(covered.has(rule.via), `${name} via ${rule.via}`).toBe(true)
    }
    for (const name of Object.keys(notClientData)) expect(byName.has(name), name).toBe(true)
  })

  it('keeps only the append-only records, and says why', () => {
    const kept = Object.entries(clientTables).filter(([, rule]) => rule.erase === 'keep')
    expect(kept.map(([name]) => name).sort()).toEqual(['access_log', 'ai_disclosures', 'ai_help_changes'])
  })
})
