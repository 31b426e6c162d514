// Statements: the client's words per life domain and time, each change kept as a revision.
import { and, eq, isNull, notInArray, sql, type Placeholder, type SQL } from 'drizzle-orm'
import { analyze, type Locale } from '@kracht/language'
import { mapAnalysedDomain } from '@kracht/inventory'
import { statementRevisions, statements, type Database, type Statement, type StatementForm, type StatementProvenance, type StatementTime } from '@kracht/db'
import { AppError } from '../../lib/app-error'
import type { Deps } from '../../lib/env'
import { knownInPageRead, oncePerPageRead } from '../../lib/page-read'
import { fromJson } from '../../lib/sql-json'
import { assertDomain, domainSettings, type DomainFilter, type DomainSettings, type Tx } from './settings'

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

export type StatementFilter = { domain?: string | undefined; time?: StatementTime | undefined } & DomainFilter

/** The key of a statement list in a page read's shared reads (lib/page-read.ts): every filter is in it. */
const listKey = (clientId: string, filter: StatementFilter) =>
  `statements:${clientId}:${filter.domain ?? ''}:${filter.time ?? ''}:${[...(filter.excludeDomains ?? [])].sort().join(',')}`

/**
 * A client's statements as one JSON value, oldest first, as a scalar subquery: one value, not 60
 * rows of 13 columns (lib/sql-json.ts), and it can ride along in another query (the inventory's).
 * Each row goes in whole (`json_agg` of the row, its columns named as the code names them), which
 * PostgreSQL writes about a third faster than a `json_build_object` per row with its times turned
 * into numbers (issue 19); times come as ISO text, read into a Date exactly as the driver reads a
 * timestamp column. With the suggester's name ("suggested by Noor" beside the words).
 */
/** `clientId` may be a placeholder (a query built once and run for any client, inventory.ts). */
export function statementListJson(clientId: string | Placeholder, filter: StatementFilter): SQL {
  const conditions = [eq(statements.clientId, clientId), isNull(statements.deletedAt)]
  if (filter.domain) conditions.push(eq(statements.domain, filter.domain))
  if (filter.time) conditions.push(eq(statements.time, filter.time))
  if (filter.excludeDomains && filter.excludeDomains.length > 0) conditions.push(notInArray(statements.domain, [...filter.excludeDomains]))
  return sql`(select coalesce(json_agg(s order by s."createdAt"), '[]'::json) from (
      select ${statements.id} as "id", ${statements.clientId} as "clientId", ${statements.domain} as "domain", ${statements.time} as "time",
        ${statements.form} as "form", ${statements.text} as "text", ${statements.provenance} as "provenance",
        ${statements.suggestedById} as "suggestedById", ${statements.version} as "version", ${statements.createdAt} as "createdAt",
        ${statements.updatedAt} as "updatedAt", ${statements.deletedAt} as "deletedAt",
        (select u.display_name from users u where u.id = ${statements.suggestedById}) as "suggestedByName"
      from ${statements} where ${and(...conditions)}) s)`
}

/** The rows of statementListJson's value; known to the page read under the list's key from then on. */
export function statementsFromJson(clientId: string, filter: StatementFilter, value: unknown): StatementRow[] {
  const rows = fromJson<StatementJson[]>(value).map(
    (one): StatementRow => ({
      ...one,
      createdAt: new Date(one.createdAt),
      updatedAt: new Date(one.updatedAt),
      deletedAt: one.deletedAt === null ? null : new Date(one.deletedAt),
    }),
  )
  knownInPageRead(listKey(clientId, filter), rows)
  return rows
}

export async function listStatements(deps: Deps, clientId: string, filter: StatementFilter): Promise<readonly StatementRow[]> {
  // Shared within one page read (the inventory and the agreement's hash read the same list).
  return oncePerPageRead(listKey(clientId, filter), async () => {
    const [row] = await deps.db.select({ list: statementListJson(clientId, filter) }).from(sql`(select 1) as one`)
    return statementsFromJson(clientId, filter, row?.list)
  })
}

/** A statement as statementListJson hands it over: its times as ISO text. */
interface StatementJson extends Omit<StatementRow, 'createdAt' | 'updatedAt' | 'deletedAt'> {
  createdAt: string
  updatedAt: string
  deletedAt: string | null
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
