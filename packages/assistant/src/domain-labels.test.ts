// One label per life domain, everywhere, for an ICM organisation (issue 18): the label function
// every portal page uses (inventory, sharing page, print, plan, caseload: all call domainLabel from
// @kracht/i18n), the domain list those pages get (the organisation's set), the assistant's choices,
// the assistant's texts (only in-sentence forms live in prompts/), and the cards' suggested domains.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { domainLabel, translator } from '@kracht/i18n'
import { domainsOf } from '@kracht/inventory'
import { domainSets, lifeDomains } from '@kracht/method'
import { startConversation } from './engine'
import { promptsDir } from './prompts'
import { allProposals, drive } from './test-helpers'

const krachtwerkOnly = domainSets.krachtwerk.filter((d) => !(domainSets.icm as readonly string[]).includes(d))

describe('one label per life domain, for an ICM organisation', () => {
  for (const locale of ['nl', 'en'] as const) {
    const t = translator(locale)
    it(`${locale}: every one of the nine has its own label, and the pages' list holds only the nine`, () => {
      const pages = domainsOf('icm')
      expect([...pages]).toEqual([...domainSets.icm])
      const labels = pages.map((id) => domainLabel(t, id))
      for (const [i, label] of labels.entries()) expect(label).not.toBe(pages[i])
      expect(new Set(labels).size).toBe(labels.length)
      for (const id of krachtwerkOnly) expect(pages).not.toContain(id)
    })

    it(`${locale}: the assistant offers exactly those nine with exactly those labels`, () => {
      for (const flow of ['strengths', 'goal'] as const) {
        const step = startConversation({ flow, locale, context: { domainSet: 'icm' } }).step
        expect(step.options).toEqual(domainsOf('icm').map((id) => ({ id, label: domainLabel(t, id) })))
      }
    })
  }

  it('the assistant\'s texts name no domain of their own: only how each reads in a sentence', () => {
    for (const locale of ['nl', 'en']) {
      for (const file of readdirSync(join(promptsDir(), locale)).filter((name) => name.endsWith('.md'))) {
        const text = readFileSync(join(promptsDir(), locale, file), 'utf8')
        for (const id of lifeDomains) expect(text).not.toMatch(new RegExp(`^## domain\\.${id}$`, 'm'))
      }
      for (const id of lifeDomains) expect(readFileSync(join(promptsDir(), locale, 'common.md'), 'utf8')).toMatch(new RegExp(`^## domain\\.${id}\\.short$`, 'm'))
    }
  })

  it('cards never suggest a domain the organisation does not use', () => {
    const answers = ['Ik wil rust in mijn hoofd. Ik voel me veilig. Mijn vriend en ik wonen samen.', 'Ik geloof in God.', 'mijn zus', 'Ik ga naar mijn werk.']
    const domains = allProposals(drive('miracle', 'nl', answers, { domainSet: 'icm' }).results).flatMap((p) => (p.kind === 'statement' ? [p.domain] : []))
    expect(domains.length).toBeGreaterThan(3)
    for (const d of domains) expect(d === null || (domainSets.icm as readonly string[]).includes(d)).toBe(true)
  })
})
