import { and, eq } from 'drizzle-orm'
import { moneyPages, type MoneyPage } from '@kracht/db'
import type { MoneyContent } from '@kracht/method'
import type { Locale } from '@kracht/language'
import { AppError } from '../../lib/app-error'
import type { Deps } from '../../lib/env'
import { screenTexts, type ScreenResult } from '../safety-screen'

export type { MoneyContent }

export interface MoneyView extends MoneyContent {
  clientId: string
  /** 0 before the first save: the first save sends version 0. */
  version: number
  updatedAt: string | null
}

function view(clientId: string, row: MoneyPage | undefined): MoneyView {
  if (!row) return { clientId, income: [], fixedCosts: [], debts: [], helpers: [], note: '', version: 0, updatedAt: null }
  return {
    clientId,
    income: row.income,
    fixedCosts: row.fixedCosts,
    debts: row.debts,
    helpers: row.helpers,
    note: row.note,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** The client's money page; an empty page (version 0) before the first save. */
export async function getMoneyPage(deps: Deps, clientId: string): Promise<MoneyView> {
  const [row] = await deps.db.select().from(moneyPages).where(eq(moneyPages.clientId, clientId))
  return view(clientId, row)
}

/** Every free text on the page, for the crisis screen. */
const textsOf = (content: MoneyContent): string[] => [
  ...content.income.map((line) => line.source),
  ...content.fixedCosts.map((line) => line.what),
  ...content.debts.flatMap((line) => [line.toWhom, line.arrangement ?? '']),
  ...content.helpers.map((helper) => helper.name ?? ''),
  content.note,
]

/**
 * Saves the whole page on the version the client last saw (0 for the first save). A stale version
 * changes nothing and answers version_conflict. Every text is screened; nothing is blocked.
 */
export async function saveMoneyPage(
  deps: Deps,
  input: { clientId: string; version: number; content: MoneyContent; locale: Locale },
): Promise<{ money: MoneyView; safety: ScreenResult }> {
  const now = deps.now()
  const values = input.content
  const [row] =
    input.version === 0
      ? await deps.db
          .insert(moneyPages)
          .values({ clientId: input.clientId, ...values, version: 1, createdAt: now, updatedAt: now })
          .onConflictDoNothing({ target: moneyPages.clientId })
          .returning()
      : await deps.db
          .update(moneyPages)
          .set({ ...values, version: input.version + 1, updatedAt: now })
          .where(and(eq(moneyPages.clientId, input.clientId), eq(moneyPages.version, input.version)))
          .returning()
  if (!row) throw new AppError('version_conflict', 'Your money page was changed somewhere else. Nothing was overwritten; load it again.')
  return { money: view(input.clientId, row), safety: screenTexts(textsOf(values), input.locale) }
}
