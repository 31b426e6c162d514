import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '@kracht/db'
import { scheduleBackups } from './backups'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('the backup schedule', () => {
  it('removes backups a killed server left unfinished, and keeps the finished ones', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kracht-backups-'))
    dirs.push(dataDir)
    const dir = join(dataDir, 'backups')
    mkdirSync(dir)
    writeFileSync(join(dir, 'kracht-2026-11-30T10-00-00-000Z.tar.gz'), 'done')
    writeFileSync(join(dir, 'kracht-2026-11-30T11-00-00-000Z.tar.gz.partial'), 'half')
    writeFileSync(join(dir, 'before-migration-2026-11-30T12-00-00-000Z.tar.gz.partial'), 'half')
    const lines: string[] = []
    // Only the embedded database has backups of its own; nothing here touches the database.
    const handle = { kind: 'pglite', pglite: {} } as unknown as DatabaseHandle
    const schedule = scheduleBackups({ handle, dataDir, everyHours: 0, keepDays: 14, log: (line) => lines.push(line) })
    await schedule.stop()
    expect(readdirSync(dir)).toEqual(['kracht-2026-11-30T10-00-00-000Z.tar.gz'])
    expect(lines).toHaveLength(2)
  })
})
