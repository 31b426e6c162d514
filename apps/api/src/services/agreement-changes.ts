import { and, eq, gt, notInArray, or, type SQL } from 'drizzle-orm'
import { inventoryRevisions, statements } from '@kracht/db'
import type { Deps } from '../lib/env'

/**
 * What changed in an inventory since a signature, in words a person can check: how many
 * statements are new, changed or removed, in which life domains, and whether the priorities or
 * the remarks changed. Counted only over what the viewer may see, so a left-out domain never
 * shows up here, not even as a number.
 */
export interface ChangesSince {
  added: number
  changed: number
  removed: number
  /** The life domains the statement changes are in, in no particular order. */
  domains: string[]
  priorities: boolean
  remarks: boolean
}

export async function changesSince(
  deps: Deps,
  input: { clientId: string; since: Date; excludeDomains: readonly string[]; seesAll: boolean },
): Promise<ChangesSince> {
  const visible: SQL[] = [eq(statements.clientId, input.clientId)]
  if (input.excludeDomains.length > 0) visible.push(notInArray(statements.domain, [...input.excludeDomains]))
  // Touched after the signature: made, changed or removed since then.
  const touched = or(gt(statements.createdAt, input.since), gt(statements.updatedAt, input.since), gt(statements.deletedAt, input.since))
  const rows = await deps.db
    .select({ domain: statements.domain, createdAt: statements.createdAt, deletedAt: statements.deletedAt })
    .from(statements)
    .where(and(...visible, touched))
  let added = 0
  let changed = 0
  let removed = 0
  const domains = new Set<string>()
  for (const row of rows) {
    const existedThen = row.createdAt <= input.since
    const existsNow = row.deletedAt === null
    // Made and removed again in between: nothing a reader would notice.
    if (!existedThen && !existsNow) continue
    if (!existedThen) added += 1
    else if (!existsNow) removed += 1
    else changed += 1
    domains.add(row.domain)
  }
  let priorities = false
  let remarks = false
  // Priorities name domains and remarks are free text: only a viewer who sees everything hears of them.
  if (input.seesAll) {
    const revisions = await deps.db
      .select({ kind: inventoryRevisions.kind })
      .from(inventoryRevisions)
      .where(and(eq(inventoryRevisions.clientId, input.clientId), gt(inventoryRevisions.changedAt, input.since)))
    priorities = revisions.some((r) => r.kind === 'priorities')
    remarks = revisions.some((r) => r.kind === 'remarks')
  }
  return { added, changed, removed, domains: [...domains], priorities, remarks }
}

/** Whether anything the viewer may see changed since then (a stale signature, without a hash). */
export async function visibleChangeSince(deps: Deps, input: { clientId: string; since: Date; excludeDomains: readonly string[] }): Promise<boolean> {
  const changes = await changesSince(deps, { ...input, seesAll: false })
  return changes.added + changes.changed + changes.removed > 0
}

