import { and, eq } from 'drizzle-orm'
import { SAFETY_PLAN_MAX_LINE, SAFETY_PLAN_MAX_LINES, safetyPlanParts, safetyPlans, type SafetyPlan, type SafetyPlanPart } from '@kracht/db'
import type { Locale } from '@kracht/language'
import { AppError } from '../lib/app-error'
import type { Deps } from '../lib/env'
import { listNetworkPeople } from './network'
import { screenTexts, type ScreenResult } from './safety-screen'

export type SafetyPlanLines = Record<SafetyPlanPart, string[]>

export interface SafetyPlanView extends SafetyPlanLines {
  clientId: string
  /** 0 before the first save: the first save sends version 0. */
  version: number
  updatedAt: string | null
}

const emptyLines = (): SafetyPlanLines => ({ warningSigns: [], selfHelp: [], people: [], places: [], reasons: [], professionals: [] })

function view(clientId: string, row: SafetyPlan | undefined): SafetyPlanView {
  if (!row) return { clientId, ...emptyLines(), version: 0, updatedAt: null }
  const lines = emptyLines()
  for (const part of safetyPlanParts) lines[part] = row[part]
  return { clientId, ...lines, version: row.version, updatedAt: row.updatedAt.toISOString() }
}

/** The client's plan; an empty plan (version 0) when the client has not written one yet. */
export async function getSafetyPlan(deps: Deps, clientId: string): Promise<SafetyPlanView> {
  const [row] = await deps.db.select().from(safetyPlans).where(eq(safetyPlans.clientId, clientId))
  return view(clientId, row)
}

/**
 * The names on the client's VIP card, to pick "people I can call" from. Only for the client: a
 * worker who may read the plan has not necessarily been shown the network.
 */
export async function networkNames(deps: Deps, clientId: string): Promise<string[]> {
  const people = await listNetworkPeople(deps, clientId)
  return [...new Set(people.map((person) => person.name))]
}

/**
 * Saves the whole plan at once, on the version the client last saw (0 for the first save). A stale
 * version changes nothing and answers version_conflict. Every line is screened; nothing is blocked.
 */
export async function saveSafetyPlan(
  deps: Deps,
  input: { clientId: string; version: number; lines: SafetyPlanLines; locale: Locale },
): Promise<{ plan: SafetyPlanView; safety: ScreenResult }> {
  const now = deps.now()
  const values = Object.fromEntries(safetyPlanParts.map((part) => [part, input.lines[part]])) as SafetyPlanLines
  const [row] =
    input.version === 0
      ? await deps.db
          .insert(safetyPlans)
          .values({ clientId: input.clientId, ...values, version: 1, createdAt: now, updatedAt: now })
          .onConflictDoNothing({ target: safetyPlans.clientId })
          .returning()
      : await deps.db
          .update(safetyPlans)
          .set({ ...values, version: input.version + 1, updatedAt: now })
          .where(and(eq(safetyPlans.clientId, input.clientId), eq(safetyPlans.version, input.version)))
          .returning()
  if (!row) throw new AppError('version_conflict', 'Your plan was changed somewhere else. Nothing was overwritten; load it again.')
  const safety = screenTexts(safetyPlanParts.flatMap((part) => values[part]), input.locale)
  return { plan: view(input.clientId, row), safety }
}

/**
 * Adds one line the client kept from the assistant's safety-plan conversation to a part of the plan
 * (creating the plan on the first line). Runs inside the caller's transaction. A full part refuses
 * the line with a clear message and changes nothing.
 */
export async function appendSafetyPlanLine(deps: Deps, input: { clientId: string; part: SafetyPlanPart; text: string }): Promise<SafetyPlan> {
  const now = deps.now()
  const text = input.text.trim()
  if (!text) throw new AppError('validation_failed', 'The line is empty.', { text: 'required' })
  if ([...text].length > SAFETY_PLAN_MAX_LINE) throw new AppError('validation_failed', 'The line is too long.', { text: 'too_long' })
  const [existing] = await deps.db.select().from(safetyPlans).where(eq(safetyPlans.clientId, input.clientId)).for('update')
  if (!existing) {
    const [row] = await deps.db
      .insert(safetyPlans)
      .values({ clientId: input.clientId, [input.part]: [text], version: 1, createdAt: now, updatedAt: now })
      .returning()
    if (!row) throw new Error('insert returned nothing')
    return row
  }
  const lines = existing[input.part]
  if (lines.length >= SAFETY_PLAN_MAX_LINES) {
    throw new AppError('validation_failed', 'This part of the plan is full.', { text: 'too_many_lines' })
  }
  // A line the plan already has is kept once.
  if (lines.includes(text)) return existing
  const [row] = await deps.db
    .update(safetyPlans)
    .set({ [input.part]: [...lines, text], version: existing.version + 1, updatedAt: now })
    .where(and(eq(safetyPlans.clientId, input.clientId), eq(safetyPlans.version, existing.version)))
    .returning()
  if (!row) throw new AppError('version_conflict', 'Your plan was changed somewhere else. Nothing was overwritten.')
  return row
}
