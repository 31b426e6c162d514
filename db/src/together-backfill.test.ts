import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { eq, sql } from 'drizzle-orm'
import { comments, conversationProposals, conversations, statementRevisions, statements } from '../schema/index'
import { seedDemo } from '../seed/demo'
import { migrationsFolder } from './migrate'
import { createTestDatabase } from './testing'
import type { DatabaseHandle } from './client'

/**
 * The together area's hand-written migration gives statements saved before it the provenance the
 * data shows: a worker's accepted rewording names the worker, a card a facilitator kept in together
 * mode becomes that facilitator's suggestion, a model's rewording is marked as such. Run here on
 * rows shaped as the old code wrote them (the file name is found by its suffix: the number may change).
 */
const file = readdirSync(migrationsFolder).find((name) => name.endsWith('_together_sql.sql'))
const backfill = readFileSync(`${migrationsFolder}/${file}`, 'utf8').split('--> statement-breakpoint')

describe('provenance backfill (together migration)', () => {
  let handle: DatabaseHandle
  let sam: string
  let noor: string
  beforeAll(async () => {
    handle = await createTestDatabase()
    const seeded = await seedDemo(handle.db, { passwordHash: 'not-used' })
    sam = seeded.userIds['sam'] as string
    noor = seeded.userIds['noor'] as string
  })
  afterAll(() => handle.close())

  async function statement(text: string, provenance: 'client' | 'client_accepted_assistant' | 'client_accepted_worker') {
    const [row] = await handle.db.insert(statements).values({ clientId: sam, domain: 'work', time: 'present', text, provenance }).returning()
    if (!row) throw new Error('no row')
    await handle.db.insert(statementRevisions).values({ statementId: row.id, clientId: sam, version: 1, action: 'create', domain: 'work', time: 'present', text, provenance })
    return row.id
  }

  async function card(savedId: string, decidedById: string, source: 'assistant' | 'assistant_suggestion', n: number) {
    const [conversation] = await handle.db
      .insert(conversations)
      .values({ clientId: sam, flow: 'strengths', locale: 'nl', state: {}, facilitatorId: noor })
      .returning()
    if (!conversation) throw new Error('no conversation')
    await handle.db.insert(conversationProposals).values({
      conversationId: conversation.id,
      clientId: sam,
      proposalId: `${conversation.id}-${n}`,
      kind: 'statement',
      draft: { kind: 'statement', source },
      status: 'accepted',
      savedId,
      decidedById,
    })
  }

  it('names who suggested what, after what the data says', async () => {
    const own = await statement('Ik kan koken', 'client')
    const reworded = await statement('Ik kan goed plannen', 'client_accepted_worker')
    await handle.db.insert(comments).values({ clientId: sam, targetKind: 'statement', targetId: reworded, targetVersion: 1, authorId: noor, kind: 'suggestion', suggestedText: 'Ik kan goed plannen', status: 'accepted' })
    const keptByNoor = await statement('Ik ben geduldig', 'client_accepted_assistant')
    await card(keptByNoor, noor, 'assistant', 1)
    const ai = await statement('Ik ben eerlijk tegen iedereen', 'client_accepted_assistant')
    await card(ai, sam, 'assistant_suggestion', 2)
    const offline = await statement('Ik wil rust', 'client_accepted_assistant')
    await card(offline, sam, 'assistant', 3)

    for (const part of backfill) await handle.db.execute(sql.raw(part))

    const byId = async (id: string) => (await handle.db.select().from(statements).where(eq(statements.id, id)))[0]
    expect(await byId(own)).toMatchObject({ provenance: 'client', suggestedById: null })
    expect(await byId(reworded)).toMatchObject({ provenance: 'client_accepted_worker', suggestedById: noor })
    expect(await byId(keptByNoor)).toMatchObject({ provenance: 'client_accepted_worker', suggestedById: noor })
    expect(await byId(ai)).toMatchObject({ provenance: 'client_accepted_ai', suggestedById: null })
    expect(await byId(offline)).toMatchObject({ provenance: 'client_accepted_assistant', suggestedById: null })
    const [revision] = await handle.db.select().from(statementRevisions).where(eq(statementRevisions.statementId, keptByNoor))
    expect(revision).toMatchObject({ provenance: 'client_accepted_worker', suggestedById: noor })
  })
})
