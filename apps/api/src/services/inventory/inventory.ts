// The inventory as a whole: its statements, priorities, remarks and quality, and saving priorities and remarks.
import { and, eq, inArray, sql, type Placeholder, type SQL } from 'drizzle-orm'
import type { Locale } from '@kracht/language'
import { checkQuality, domainsOf } from '@kracht/inventory'
import { accessLog, inventories, inventoryRevisions, organisations, users, type Database, type Priority } from '@kracht/db'
import { signaturesFromJson, signaturesJson } from '../signatures'
import { AppError } from '../../lib/app-error'
import type { Deps } from '../../lib/env'
import { knownInPageRead, oncePerPageRead } from '../../lib/page-read'
import { takeDeferredAccessLog, type AccessLogRow } from '../../lib/access-log'
import { assertDomain, domainSettings, type DomainFilter, type DomainSettings, type Tx } from './settings'
import { serialiseStatement, statementListJson, statementsFromJson } from './statements'

export interface InventoryRow {
  clientId: string
  priorities: Priority[]
  remarks: string
  version: number
  updatedAt: Date | null
}

const emptyInventory = (clientId: string): InventoryRow => ({ clientId, priorities: [], remarks: '', version: 0, updatedAt: null })

/** The inventory row (priorities, remarks), once per page read (lib/page-read.ts). */
export function inventoryRow(deps: Deps, clientId: string): Promise<InventoryRow> {
  return oncePerPageRead(`inventory:${clientId}`, async () => {
    const [row] = await deps.db.select().from(inventories).where(eq(inventories.clientId, clientId))
    return row ?? emptyInventory(clientId)
  })
}

/** The inventory rows of several clients in one query (the caseload); an empty one for a client who has none yet. */
export async function inventoryRows(deps: Deps, clientIds: string[]): Promise<Map<string, InventoryRow>> {
  const rows = clientIds.length === 0 ? [] : await deps.db.select().from(inventories).where(inArray(inventories.clientId, clientIds))
  const found = new Map(rows.map((row) => [row.clientId, row]))
  return new Map(clientIds.map((clientId) => [clientId, found.get(clientId) ?? emptyInventory(clientId)]))
}

/**
 * Everything the inventory shows, in one query: the client's name, the organisation's life-domain
 * settings, the inventory row (priorities, remarks), the statements the viewer may see (as one JSON
 * value) and the agreement's signatures (whether both signed at all). Five queries before (issue 19: on
 * the embedded database a round trip costs more than the work it does).
 */
/** One more value a caller reads in the inventory's query (a scalar subquery), handed to `read` with the rest. */
export interface AlongsideRead {
  /**
   * What the column is, the same for every client: the built query's key. It must name every value
   * the column bakes in (every filter but the client, e.g. whose comments a peer expert sees): a
   * query built for one reader is run for every other reader with the same key.
   */
  key: string
  /** The column for a client (given as a placeholder: the query is built once per shape). */
  column: (clientId: Placeholder) => SQL
  read: (value: unknown) => void
}

/** The access-log columns a deferred row fills (lib/access-log.ts, rowOf), each a placeholder in a built read. */
const logColumns = ['at', 'actorId', 'actorRole', 'onBehalfOf', 'clientId', 'action', 'scope', 'resource', 'outcome', 'basis', 'via', 'viaId', 'ipAddress', 'userAgent'] as const
/** Every field of a deferred row has its placeholder: a field added to rowOf and not here fails to compile. */
const everyLogColumn: Exclude<keyof AccessLogRow, (typeof logColumns)[number]> extends never ? true : never = true
void everyLogColumn

/** The inventory's columns, for any client (`client`: a value or a placeholder). */
const inventoryColumns = (clientId: string | Placeholder, filter: DomainFilter, alongside?: SQL) => ({
  displayName: users.displayName,
  domainSet: organisations.domainSet,
  careSetting: organisations.careSetting,
  priorityLimit: organisations.priorityLimit,
  stored: { priorities: inventories.priorities, remarks: inventories.remarks, version: inventories.version, updatedAt: inventories.updatedAt },
  statements: statementListJson(clientId, { excludeDomains: filter.excludeDomains }),
  signatures: signaturesJson(clientId, 'inventory'),
  alongside: alongside ?? sql`null`,
})

/**
 * The inventory's query with its access-log rows, built once per shape (the number of log rows and
 * the domains left out) and database, with placeholders for the client and every log field: Drizzle
 * built its SQL again for every read (about 9 % of a worker's read under load, issue 19). Only the
 * query's text and shape are kept, never a value: every read runs it with its own client and rows.
 */
function buildInventoryRead(db: Database, logRows: number, excludeDomains: readonly string[] | undefined, alongside: AlongsideRead | undefined) {
  const client = sql.placeholder('client')
  const rows = Array.from({ length: logRows }, (_, i) => Object.fromEntries(logColumns.map((column) => [column, sql.placeholder(`log${i}_${column}`)])))
  return db
    .with(...(logRows > 0 ? [db.$with('logged_access').as(db.insert(accessLog).values(rows as unknown as (typeof accessLog.$inferInsert)[]))] : []))
    .select(inventoryColumns(client, { excludeDomains }, alongside?.column(client)))
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(inventories, eq(inventories.clientId, users.id))
    .where(eq(users.id, client))
    .prepare('inventory_read')
}

type BuiltInventoryRead = ReturnType<typeof buildInventoryRead>
/** Per database object (tests open many), per shape; a few shapes in practice, at most 64 kept. */
const builtReads = new WeakMap<Database, Map<string, BuiltInventoryRead>>()

function builtInventoryRead(db: Database, logRows: number, excludeDomains: readonly string[] | undefined, alongside: AlongsideRead | undefined): BuiltInventoryRead {
  let shapes = builtReads.get(db)
  if (!shapes) builtReads.set(db, (shapes = new Map()))
  const key = JSON.stringify([logRows, excludeDomains ?? [], alongside?.key ?? null])
  let built = shapes.get(key)
  if (!built) {
    built = buildInventoryRead(db, logRows, excludeDomains, alongside)
    if (shapes.size >= 64) shapes.delete(shapes.keys().next().value as string)
    shapes.set(key, built)
  }
  return built
}

async function inventoryRead(deps: Deps, clientId: string, filter: DomainFilter, alongside?: AlongsideRead) {
  // A worker's read carries its access-log row in the same statement (lib/access-log.ts): taken
  // here, so a read that fails before this line leaves them to the gate, which writes them itself.
  const logRows = takeDeferredAccessLog()
  const values: Record<string, unknown> = { client: clientId }
  logRows.forEach((logRow, i) => {
    for (const column of logColumns) values[`log${i}_${column}`] = logRow[column]
  })
  const [row] = await builtInventoryRead(deps.db, logRows.length, filter.excludeDomains, alongside).execute(values)
  if (!row) throw new AppError('not_found', 'No such client.')
  alongside?.read(row.alongside)
  const settings: DomainSettings = { domainSet: row.domainSet, careSetting: row.careSetting, domains: domainsOf(row.domainSet), priorityLimit: row.priorityLimit }
  const stored: InventoryRow = row.stored ? { clientId, ...row.stored } : emptyInventory(clientId)
  // The agreement's hash in the same page read needs this row and this list: it need not read them again.
  knownInPageRead(`inventory:${clientId}`, stored)
  const rows = statementsFromJson(clientId, { excludeDomains: filter.excludeDomains }, row.statements)
  // Whether client and worker both signed at all; the agreement (same page read) reads these again from memory.
  const latest = signaturesFromJson(clientId, 'inventory', row.signatures)
  const bothSigned = latest.some((one) => one.signature.signerRole === 'client') && latest.some((one) => one.signature.signerRole === 'worker')
  return { displayName: row.displayName, settings, stored, rows, bothSigned }
}

export async function getInventory(
  deps: Deps,
  input: {
    clientId: string
    locale: Locale
    /**
     * Quality item 6. A function is asked only when client and worker have both signed at all (the
     * inventory's own query knows): whether those signatures still hold takes more reading.
     */
    agreementSigned?: boolean | (() => Promise<boolean>) | undefined
    isSelf?: boolean | undefined
    /** Read in the same query (the worker's page reads the comments with the inventory). */
    alongside?: AlongsideRead | undefined
  } & DomainFilter,
) {
  const excluded = new Set(input.excludeDomains ?? [])
  const { displayName, settings, stored, rows, bothSigned } = await inventoryRead(deps, input.clientId, input, input.alongside)
  const agreementSigned = typeof input.agreementSigned === 'function' ? bothSigned && (await input.agreementSigned()) : (input.agreementSigned ?? false)
  // A priority names its domain and may hold a wish about it: left out with the domain.
  const inventory = { ...stored, priorities: stored.priorities.filter((priority) => !excluded.has(priority.domain)) }
  const domains = settings.domains.filter((domain) => !excluded.has(domain))
  const domainsUsed = new Set(rows.map((row) => row.domain)).size
  const quality = checkQuality({
    statements: rows,
    domainsUsed,
    domainsTotal: domains.length,
    prioritiesChosen: inventory.priorities.length,
    agreementSigned,
    locale: input.locale,
    now: deps.now(),
  })
  // With a domain left out, the version and last change come from what the viewer sees only: the
  // inventory row's own version and time move with changes to left-out priorities and the private
  // remarks too. The client keeps the real version for saving (optimistic concurrency).
  const partial = excluded.size > 0 && input.isSelf !== true
  const lastChange = rows.reduce<Date | null>(
    (latest, row) => (!latest || row.updatedAt > latest ? row.updatedAt : latest),
    partial ? null : inventory.updatedAt,
  )
  return {
    clientId: input.clientId,
    displayName,
    domainSet: settings.domainSet,
    domains,
    priorityLimit: settings.priorityLimit,
    statements: rows.map(serialiseStatement),
    priorities: inventory.priorities,
    // Remarks are free text that may speak of any domain: with a domain left out, they stay private.
    remarks: excluded.size > 0 ? '' : inventory.remarks,
    version: partial ? visibleVersion(rows) : inventory.version,
    updatedAt: lastChange ? lastChange.toISOString() : null,
    quality,
  }
}

/**
 * A version number for a viewer who sees part of the inventory, from the statements they see only:
 * it moves when one of them changes and never with what is left out. Nobody but the client saves
 * the inventory, so this number is for showing "changed", never for a version check.
 */
function visibleVersion(rows: readonly { version: number }[]): number {
  return rows.reduce((sum, row) => sum + row.version, 0)
}

function versionConflict(): never {
  throw new AppError('version_conflict', 'The inventory was changed elsewhere. Nothing was overwritten; load it again.')
}

/** Upserts the inventory row with an optimistic version check; the first save has version 0. */
async function saveInventory(
  tx: Tx,
  input: { clientId: string; version: number; set: { priorities?: Priority[]; remarks?: string }; now: Date },
) {
  if (input.version === 0) {
    const inserted = await tx
      .insert(inventories)
      .values({ clientId: input.clientId, priorities: input.set.priorities ?? [], remarks: input.set.remarks ?? '', version: 1, updatedAt: input.now })
      .onConflictDoNothing()
      .returning()
    if (inserted.length === 0) versionConflict()
    return inserted[0]
  }
  const [row] = await tx
    .update(inventories)
    .set({ ...input.set, version: sql`${inventories.version} + 1`, updatedAt: input.now })
    .where(and(eq(inventories.clientId, input.clientId), eq(inventories.version, input.version)))
    .returning()
  if (!row) versionConflict()
  return row
}

export async function setPriorities(deps: Deps, input: { clientId: string; actorId: string; version: number; priorities: Priority[] }) {
  const settings = await domainSettings(deps, input.clientId)
  if (input.priorities.length > settings.priorityLimit) {
    throw new AppError('validation_failed', `Choose at most ${settings.priorityLimit} priorities.`, { priorities: 'too_many_priorities' })
  }
  const seen = new Set<string>()
  for (const priority of input.priorities) {
    assertDomain(settings, priority.domain)
    if (seen.has(priority.domain)) throw new AppError('validation_failed', 'Each domain once.', { priorities: 'duplicate_priority' })
    seen.add(priority.domain)
  }
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const row = await saveInventory(tx, { clientId: input.clientId, version: input.version, set: { priorities: input.priorities }, now })
    await tx.insert(inventoryRevisions).values({ clientId: input.clientId, kind: 'priorities', priorities: input.priorities, changedAt: now, changedById: input.actorId })
    return row
  })
}

export async function setRemarks(deps: Deps, input: { clientId: string; actorId: string; version: number; remarks: string }) {
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const row = await saveInventory(tx, { clientId: input.clientId, version: input.version, set: { remarks: input.remarks }, now })
    await tx.insert(inventoryRevisions).values({ clientId: input.clientId, kind: 'remarks', remarks: input.remarks, changedAt: now, changedById: input.actorId })
    return row
  })
}
