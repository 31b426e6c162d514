import { describe, expect, it } from 'vitest'
import { checkQuality } from './quality'

const now = new Date('2026-03-01T12:00:00Z')
const statement = (id: string, text: string) => ({ id, text, provenance: 'client' })

describe('checkQuality', () => {
  it('is a checklist with next steps, not a grade', () => {
    const report = checkQuality({
      statements: [
        statement('1', 'Ik kan goed koken voor mijn vrienden en familie'),
        statement('2', 'Ik ben niet lui'),
        statement('3', 'Cliënt is zorgmijdend'),
        statement('4', 'Koken'),
      ],
      domainsUsed: 3,
      domainsTotal: 10,
      prioritiesChosen: 0,
      agreementSigned: false,
      locale: 'nl',
      now,
    })
    const byId = Object.fromEntries(report.items.map((item) => [item.id, item]))
    expect(byId['first_person']).toMatchObject({ status: 'on_the_way', statementIds: ['3'] })
    expect(byId['positive']).toMatchObject({ count: 3, total: 4, statementIds: ['2'] })
    expect(byId['own_words']?.statementIds).toContain('3')
    expect(byId['own_words']?.statementIds).not.toContain('1')
    expect(byId['detail']?.statementIds).toContain('4')
    expect(byId['domains_covered']).toMatchObject({ status: 'on_the_way', count: 3, total: 10 })
    expect(byId['priorities']?.status).toBe('to_do')
    expect(byId['agreement']?.status).toBe('not_yet')
    expect(byId['observation']?.status).toBe('talk_about')
    expect(report.checkedAt).toBe(now.toISOString())
  })

  it('marks an empty inventory as to do, and a full one as done', () => {
    const empty = checkQuality({ statements: [], domainsUsed: 0, domainsTotal: 10, prioritiesChosen: 0, agreementSigned: false, locale: 'nl', now })
    expect(empty.items.find((item) => item.id === 'first_person')?.status).toBe('to_do')
    const full = checkQuality({
      statements: [statement('1', 'Ik heb een hond als beste vriend, hij heet Bobby')],
      domainsUsed: 8,
      domainsTotal: 10,
      prioritiesChosen: 2,
      agreementSigned: true,
      locale: 'nl',
      now,
    })
    expect(full.items.filter((item) => ['first_person', 'positive', 'own_words', 'detail', 'domains_covered', 'priorities', 'agreement'].includes(item.id)).every((item) => item.status === 'done')).toBe(true)
  })
})
