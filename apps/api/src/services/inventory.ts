import { and, asc, eq, getTableColumns, isNull, notInArray, sql } from 'drizzle-orm'
import { analyze, type Locale } from '@kracht/language'
import {
  checkQuality,
  changesBetween,
  domainsOf,
  growth,
  isDomainOf,
  mapAnalysedDomain,
  statementsAt,
  type DomainSetId,
  type Revision,
} from '@kracht/inventory'
import {
  inventories,
  inventoryRevisions,
  organisations,
  statementRevisions,
  statements,
  users,
  type Priority,
  type Statement,
  type StatementForm,
  type StatementProvenance,
  type StatementTime,
} from '@kracht/db'
import { AppError } from '../lib/app-error'
import type { Deps } from '../lib/env'
import type { Database } from '@kracht/db'

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]

export interface DomainSettings {
  domainSet: DomainSetId
  domains: readonly string[]
  priorityLimit: number
}

export async function domainSettings(deps: Deps, clientId: string): Promise<DomainSettings> {
  const [row] = await deps.db
    .select({ domainSet: organisations.domainSet, priorityLimit: organisations.priorityLimit })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, clientId))
  if (!row) throw new AppError('not_found', 'No such client.')
  return { domainSet: row.domainSet, domains: domainsOf(row.domainSet), priorityLimit: row.priorityLimit }
}

function assertDomain(settings: DomainSettings, domain: string) {
  if (!isDomainOf(settings.domainSet, domain)) {
    throw new AppError('validation_failed', `Unknown life domain: ${domain.slice(0, 40)}`, { domain: 'unknown_domain' })
  }
}

/** Feedback the analysis gives on a statement: shown beside it, never blocking. */
export function statementFeedback(text: string, locale: Locale, settings: DomainSettings) {
  const analysis = analyze(text, { locale })
  const suggestedDomain = analysis.domains[0] ? mapAnalysedDomain(settings.domainSet, analysis.domains[0].id) : null
  return {
    suggestions: analysis.suggestions,
    suggestedForm: analysis.form,
    suggestedDomain,
    crisis: analysis.crisis.detected,
  }
}

/** A statement row, with the name of whoever suggested its words where a list loads it. */
export type StatementRow = Statement & { suggestedByName?: string | null | undefined }

export function serialiseStatement(row: StatementRow) {
  return {
    id: row.id,
    domain: row.domain,
    time: row.time,
    form: row.form,
    text: row.text,
    provenance: row.provenance,
    /** Who suggested these words ("suggested by Noor"); null for the client's own and the assistant's. */
    suggestedBy: row.suggestedById ? { id: row.suggestedById, name: row.suggestedByName ?? null } : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/**
 * Life domains the caller may not see (from the consent gate). Filtered in the query itself, so a
 * left-out domain never reaches a list, a count, the history, the growth picture or the quality check.
 */
export interface DomainFilter {
  excludeDomains?: readonly string[] | undefined
}

export async function listStatements(
  deps: Deps,
  clientId: string,
  filter: { domain?: string | undefined; time?: StatementTime | undefined } & DomainFilter,
) {
  const conditions = [eq(statements.clientId, clientId), isNull(statements.deletedAt)]
  if (filter.domain) conditions.push(eq(statements.domain, filter.domain))
  if (filter.time) conditions.push(eq(statements.time, filter.time))
  if (filter.excludeDomains && filter.excludeDomains.length > 0) conditions.push(notInArray(statements.domain, [...filter.excludeDomains]))
  // The suggester's name in the same query: the list shows "suggested by Noor" beside the words.
  const suggestedByName = sql<string | null>`(select u.display_name from users u where u.id = ${statements.suggestedById})`
  return deps.db
    .select({ ...getTableColumns(statements), suggestedByName })
    .from(statements)
    .where(and(...conditions))
    .orderBy(asc(statements.createdAt))
}

async function recordRevision(tx: Tx, row: Statement, action: 'create' | 'update' | 'delete', changedById: string, at: Date) {
  await tx.insert(statementRevisions).values({
    statementId: row.id,
    clientId: row.clientId,
    version: row.version,
    action,
    domain: row.domain,
    time: row.time,
    form: row.form,
    text: row.text,
    provenance: row.provenance,
    suggestedById: row.suggestedById,
    changedAt: at,
    changedById,
  })
}

export interface NewStatement {
  domain: string
  time: StatementTime
  form?: StatementForm | null | undefined
  text: string
  provenance?: StatementProvenance | undefined
  /** Only with provenance client_accepted_worker: the worker or peer expert who suggested it. */
  suggestedById?: string | null | undefined
}

export async function createStatement(deps: Deps, input: { clientId: string; actorId: string; statement: NewStatement }) {
  const settings = await domainSettings(deps, input.clientId)
  assertDomain(settings, input.statement.domain)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(statements)
      .values({
        clientId: input.clientId,
        domain: input.statement.domain,
        time: input.statement.time,
        form: input.statement.form ?? null,
        text: input.statement.text,
        provenance: input.statement.provenance ?? 'client',
        suggestedById: input.statement.provenance === 'client_accepted_worker' ? (input.statement.suggestedById ?? null) : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    if (!row) throw new Error('insert returned nothing')
    await recordRevision(tx, row, 'create', input.actorId, now)
    return row
  })
}

async function findStatement(tx: Tx | Database, clientId: string, statementId: string) {
  const [row] = await tx
    .select()
    .from(statements)
    .where(and(eq(statements.id, statementId), eq(statements.clientId, clientId), isNull(statements.deletedAt)))
  if (!row) throw new AppError('not_found', 'No such statement.')
  return row
}

function conflict(current: Statement): never {
  throw new AppError(
    'version_conflict',
    `This statement was changed elsewhere (now version ${current.version}). Nothing was overwritten; load it again.`,
  )
}

export async function updateStatement(
  deps: Deps,
  input: {
    clientId: string
    actorId: string
    statementId: string
    version: number
    patch: Partial<Pick<NewStatement, 'domain' | 'time' | 'form' | 'text' | 'provenance' | 'suggestedById'>>
  },
) {
  const settings = await domainSettings(deps, input.clientId)
  if (input.patch.domain !== undefined) assertDomain(settings, input.patch.domain)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const current = await findStatement(tx, input.clientId, input.statementId)
    const set: Partial<Statement> = { version: current.version + 1, updatedAt: now }
    if (input.patch.domain !== undefined) set.domain = input.patch.domain
    if (input.patch.time !== undefined) set.time = input.patch.time
    if (input.patch.form !== undefined) set.form = input.patch.form
    if (input.patch.text !== undefined) set.text = input.patch.text
    if (input.patch.provenance !== undefined) {
      set.provenance = input.patch.provenance
      set.suggestedById = input.patch.provenance === 'client_accepted_worker' ? (input.patch.suggestedById ?? null) : null
    } else if (input.patch.text !== undefined && input.patch.text !== current.text) {
      // The client rewrote the words: now they are the client's own, whoever suggested them first.
      set.provenance = 'client'
      set.suggestedById = null
    }
    // The version check is part of the update itself, so two writers cannot both win.
    const [row] = await tx
      .update(statements)
      .set(set)
      .where(and(eq(statements.id, current.id), eq(statements.version, input.version), isNull(statements.deletedAt)))
      .returning()
    if (!row) conflict(current)
    await recordRevision(tx, row, 'update', input.actorId, now)
    return row
  })
}

export async function deleteStatement(deps: Deps, input: { clientId: string; actorId: string; statementId: string; version: number }) {
  const now = deps.now()
  await deps.db.transaction(async (tx) => {
    const current = await findStatement(tx, input.clientId, input.statementId)
    const [row] = await tx
      .update(statements)
      .set({ deletedAt: now, version: current.version + 1, updatedAt: now })
      .where(and(eq(statements.id, current.id), eq(statements.version, input.version), isNull(statements.deletedAt)))
      .returning()
    if (!row) conflict(current)
    await recordRevision(tx, row, 'delete', input.actorId, now)
  })
}

async function inventoryRow(deps: Deps, clientId: string) {
  const [row] = await deps.db.select().from(inventories).where(eq(inventories.clientId, clientId))
  return row ?? { clientId, priorities: [] as Priority[], remarks: '', version: 0, updatedAt: null }
}

export async function getInventory(
  deps: Deps,
  input: { clientId: string; locale: Locale; agreementSigned?: boolean | undefined; isSelf?: boolean | undefined } & DomainFilter,
) {
  const excluded = new Set(input.excludeDomains ?? [])
  const [settings, rows, stored, [client]] = await Promise.all([
    domainSettings(deps, input.clientId),
    listStatements(deps, input.clientId, { excludeDomains: input.excludeDomains }),
    inventoryRow(deps, input.clientId),
    deps.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, input.clientId)),
  ])
  // A priority names its domain and may hold a wish about it: left out with the domain.
  const inventory = { ...stored, priorities: stored.priorities.filter((priority) => !excluded.has(priority.domain)) }
  const domains = settings.domains.filter((domain) => !excluded.has(domain))
  const domainsUsed = new Set(rows.map((row) => row.domain)).size
  const quality = checkQuality({
    statements: rows,
    domainsUsed,
    domainsTotal: domains.length,
    prioritiesChosen: inventory.priorities.length,
    agreementSigned: input.agreementSigned ?? false,
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
    displayName: client?.displayName ?? '',
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

/**
 * A statement that was ever in a left-out domain is left out of the history entirely: otherwise a
 * statement moved into `partner` would still show its earlier version, and its move would show as a removal.
 */
async function revisionsOf(deps: Deps, clientId: string, filter: DomainFilter = {}): Promise<Revision[]> {
  const rows = await deps.db
    .select()
    .from(statementRevisions)
    .where(eq(statementRevisions.clientId, clientId))
    .orderBy(asc(statementRevisions.changedAt), asc(statementRevisions.version))
  const excluded = new Set(filter.excludeDomains ?? [])
  if (excluded.size === 0) return rows
  const hidden = new Set(rows.filter((row) => excluded.has(row.domain)).map((row) => row.statementId))
  return rows.filter((row) => !hidden.has(row.statementId))
}

async function inventoryRevisionAt(deps: Deps, clientId: string, at: Date) {
  const rows = await deps.db
    .select()
    .from(inventoryRevisions)
    .where(and(eq(inventoryRevisions.clientId, clientId), sql`${inventoryRevisions.changedAt} <= ${at.toISOString()}::timestamptz`))
    .orderBy(asc(inventoryRevisions.changedAt))
  let priorities: Priority[] = []
  let remarks = ''
  for (const row of rows) {
    if (row.kind === 'priorities' && row.priorities) priorities = row.priorities
    if (row.kind === 'remarks' && row.remarks !== null) remarks = row.remarks
  }
  return { priorities, remarks }
}

const serialiseAt = (s: ReturnType<typeof statementsAt>[number]) => ({ ...s, changedAt: s.changedAt.toISOString() })

/** The inventory as it stood at a moment, and what changed from then until now. */
export async function inventoryHistory(deps: Deps, input: { clientId: string; at: Date } & DomainFilter) {
  const now = deps.now()
  const excluded = new Set(input.excludeDomains ?? [])
  const revisions = await revisionsOf(deps, input.clientId, input)
  const stored = await inventoryRevisionAt(deps, input.clientId, input.at)
  const then = { ...stored, priorities: stored.priorities.filter((priority) => !excluded.has(priority.domain)) }
  const changes = changesBetween(revisions, input.at, now).map((change) =>
    change.kind === 'changed'
      ? { kind: change.kind, before: serialiseAt(change.before), after: serialiseAt(change.after) }
      : { kind: change.kind, statement: serialiseAt(change.statement) },
  )
  const first = revisions[0]?.changedAt ?? null
  return {
    at: input.at.toISOString(),
    firstChangeAt: first ? first.toISOString() : null,
    statements: statementsAt(revisions, input.at).map(serialiseAt),
    priorities: then.priorities,
    remarks: excluded.size > 0 ? '' : then.remarks,
    changesSince: changes,
    growth: growth(revisions, now),
  }
}
