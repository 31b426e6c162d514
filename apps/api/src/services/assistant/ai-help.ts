import { and, desc, eq, sql } from 'drizzle-orm'
import type { ModelCallReport, ModelOptions } from '@kracht/assistant'
import { aiDisclosures, aiHelpChanges, clientSettings, clientWorkers, networkPeople, organisations, users } from '@kracht/db'
import { loggedModel } from '../../lib/access-log'
import type { Deps } from '../../lib/env'
import { currentActor } from '../../lib/request-context'

// AI help: off until the client turns it on. Every switch is kept (ai_help_changes), every model
// call leaves a disclosure record (ai_disclosures) and an access-log row, never any text.

const iso = (date: Date | null) => (date ? date.toISOString() : null)

export interface AiHelpView {
  enabled: boolean
  enabledAt: string | null
  /** Whether this server has a model at all; without one AI help changes nothing. */
  available: boolean
}

export async function getAiHelp(deps: Deps, clientId: string): Promise<AiHelpView> {
  const [row] = await deps.db.select().from(clientSettings).where(eq(clientSettings.clientId, clientId))
  const enabledAt = row?.aiHelpEnabledAt ?? null
  return { enabled: enabledAt !== null, enabledAt: iso(enabledAt), available: Boolean(deps.model) }
}

export async function setAiHelp(deps: Deps, input: { clientId: string; enabled: boolean }): Promise<AiHelpView> {
  const now = deps.now()
  const aiHelpEnabledAt = input.enabled ? now : null
  const before = await getAiHelp(deps, input.clientId)
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(clientSettings)
      .values({ clientId: input.clientId, aiHelpEnabledAt, updatedAt: now })
      .onConflictDoUpdate({
        target: clientSettings.clientId,
        // Turning it on again keeps the first moment it was turned on.
        set: {
          aiHelpEnabledAt: input.enabled ? sql`coalesce(${clientSettings.aiHelpEnabledAt}, ${now.toISOString()}::timestamptz)` : null,
          updatedAt: now,
        },
      })
    // The history: one row for each real change (tapping "on" twice is one change).
    if (before.enabled !== input.enabled) {
      await tx.insert(aiHelpChanges).values({ at: now, clientId: input.clientId, enabled: input.enabled ? 'on' : 'off', actorId: currentActor()?.user.id ?? null })
    }
  })
  return getAiHelp(deps, input.clientId)
}

export interface AiHelpChangeView {
  at: string
  enabled: boolean
}

export async function listAiHelpChanges(deps: Deps, clientId: string): Promise<AiHelpChangeView[]> {
  const rows = await deps.db.select().from(aiHelpChanges).where(eq(aiHelpChanges.clientId, clientId)).orderBy(desc(aiHelpChanges.at)).limit(200)
  return rows.map((r) => ({ at: r.at.toISOString(), enabled: r.enabled === 'on' }))
}

export interface AiDisclosureView {
  id: string
  at: string
  conversationId: string
  modelId: string
  placeholders: Record<string, number>
  outcome: 'used' | 'discarded' | 'timeout' | 'error'
  reason: string | null
  latencyMs: number
}

/** The client's own record of what went to the AI help, newest first (kinds and counts, never text). */
export async function listAiDisclosures(deps: Deps, clientId: string, range: { from?: Date; to?: Date } = {}): Promise<AiDisclosureView[]> {
  const rows = await deps.db
    .select()
    .from(aiDisclosures)
    .where(
      and(
        eq(aiDisclosures.clientId, clientId),
        range.from ? sql`${aiDisclosures.at} >= ${range.from.toISOString()}::timestamptz` : undefined,
        range.to ? sql`${aiDisclosures.at} < ${range.to.toISOString()}::timestamptz` : undefined,
      ),
    )
    .orderBy(desc(aiDisclosures.at))
    .limit(500)
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    conversationId: r.conversationId,
    modelId: r.modelId,
    placeholders: r.placeholders,
    outcome: r.outcome,
    reason: r.reason,
    latencyMs: r.latencyMs,
  }))
}

/** What must never reach a model: the client's own name, their workers, their network, their organisation. */
async function protectedData(deps: Deps, clientId: string): Promise<{ clientName: string | undefined; knownNames: string[]; organisations: string[] }> {
  const [client] = await deps.db
    .select({ name: users.displayName, organisation: organisations.name })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, clientId))
  const people = await deps.db.select({ name: networkPeople.name }).from(networkPeople).where(eq(networkPeople.clientId, clientId)).limit(200)
  const workers = await deps.db
    .select({ name: users.displayName })
    .from(clientWorkers)
    .innerJoin(users, eq(users.id, clientWorkers.workerId))
    .where(eq(clientWorkers.clientId, clientId))
    .limit(50)
  return {
    clientName: client?.name,
    knownNames: [...people.map((p) => p.name), ...workers.map((w) => w.name)],
    organisations: client?.organisation ? [client.organisation] : [],
  }
}

/** The names and organisation for a new conversation's context (kept in its state). */
export async function protectedContext(deps: Deps, clientId: string) {
  const data = await protectedData(deps, clientId)
  return {
    ...(data.clientName ? { clientName: data.clientName } : {}),
    ...(data.knownNames.length > 0 ? { knownNames: data.knownNames.slice(0, 200) } : {}),
    ...(data.organisations.length > 0 ? { organisations: data.organisations } : {}),
  }
}

/** The model id as the record keeps it: the configured id (never a key or an address). */
function modelIdOf(deps: Deps): string {
  const model = deps.model
  return model ? `${model.provider}:${model.modelId}`.slice(0, 200) : 'none'
}

/**
 * The model options for one turn, only when there is a model and the client turned AI help on
 * (else null: offline). Every call writes an access-log row first (export to ai_model) and a
 * disclosure record after; failures and time-outs are logged on the server without any content.
 * Names of today's workers and network people are looked up again, so a person added after the
 * conversation started is masked too.
 */
export async function modelFor(deps: Deps, clientId: string, conversationId: string): Promise<ModelOptions | null> {
  if (!deps.model) return null
  const [row] = await deps.db.select({ at: clientSettings.aiHelpEnabledAt }).from(clientSettings).where(eq(clientSettings.clientId, clientId))
  if (!row?.at) return null
  const data = await protectedData(deps, clientId)
  const actorId = currentActor()?.user.id ?? null
  const modelId = modelIdOf(deps)
  const onModelCall = async (report: ModelCallReport) => {
    if (report.outcome === 'timeout' || report.outcome === 'error') {
      // Ids and codes only: never the prompt, the answer or the error's text (it may quote either).
      console.warn(JSON.stringify({ event: 'ai_model_call_failed', outcome: report.outcome, reason: report.reason, latencyMs: report.latencyMs, conversationId, model: modelId }))
    }
    await deps.db.insert(aiDisclosures).values({
      at: deps.now(),
      clientId,
      conversationId,
      actorId,
      modelId,
      placeholders: report.placeholders,
      outcome: report.outcome,
      reason: report.reason,
      latencyMs: report.latencyMs,
    })
  }
  return {
    model: loggedModel(deps, deps.model, clientId),
    aiEnabled: true,
    knownNames: [...(data.clientName ? [data.clientName] : []), ...data.knownNames],
    organisations: data.organisations,
    onModelCall,
  }
}
