import { describe, expect, it } from 'vitest'
import { createDatabase } from '@kracht/db'
import { durabilityProblems, showSetting } from './startup-checks'

describe('the PostgreSQL durability check at start', () => {
  it('names each setting that can lose confirmed writes, and is quiet when all are on', async () => {
    const settings = (values: Record<string, string>) => async (name: string) => values[name] ?? 'on'
    expect(await durabilityProblems(settings({}))).toEqual([])
    expect(await durabilityProblems(settings({ synchronous_commit: 'remote_apply' }))).toEqual([])
    const problems = await durabilityProblems(settings({ fsync: 'off', synchronous_commit: 'local', full_page_writes: 'off' }))
    expect(problems).toHaveLength(2)
    expect(problems.join('\n')).toMatch(/fsync = off: set it to on/)
    expect(problems.join('\n')).toMatch(/full_page_writes = off/)
    expect(await durabilityProblems(settings({ synchronous_commit: 'off' }))).toEqual([
      'PostgreSQL has synchronous_commit = off: set it to on (postgresql.conf), or a crash can lose writes Kracht already confirmed.',
    ])
  })

  it.skipIf(!process.env['DATABASE_URL'])('reads the real settings of a PostgreSQL server', async () => {
    const handle = await createDatabase({ databaseUrl: process.env['DATABASE_URL'] })
    try {
      expect(['on', 'off']).toContain(await showSetting(handle.db, 'fsync'))
      expect(await durabilityProblems((s) => showSetting(handle.db, s))).toEqual(expect.any(Array))
    } finally {
      await handle.close()
    }
  })
})
