import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { en } from './messages/en'
import { nl } from './messages/nl'

// Words that respect the client (issue 18): no grading, no counts of "x of y" as a verdict, no
// jargon of the method on the pages the client reads. A new text that slips back fails here.

function leaves(node: unknown, path: string[] = []): { key: string; text: string }[] {
  if (typeof node === 'string') return [{ key: path.join('.'), text: node }]
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([key, value]) => leaves(value, [...path, key]))
  return []
}

const praiseAsGrade = [/^knap\b/i, /^top!/i, /^goed zo\b/i, /^super\b/i, /^great\b/i]
const grading = [/goed bezig/i, /knap gedaan/i, /goed gedaan/i, /well done/i, /great job/i, /good job/i, /\{count\} van (de )?\{total\}/, /\{count\} of (the )?\{total\}/]
// The method's own words for workers may stay in the worker's and coordinator's texts.
const jargon = [/inventarisatie/i, /checklijst/i, /etiket/i]
// A friendlier word must not describe the person by a problem, a lack or a mistake.
const deficitWords = [
  /\bfout/i, /\bprobleem/i, /\bklacht/i, /\bstoornis/i, /\bzonder\b/i, /\bniet\b/i, /\bgeen\b/i, /\bboos\b/i, /\bverslaaf/i,
  /\bgebruikt\b/i, /\bdrinkt\b/i, /\bzwak/i, /\bziek/i, /\bpatiënt/i, /\bborderline/i, /\bautisme\b/i,
  /\bmistake/i, /\bproblem/i, /\bissues?\b/i, /\bdisorder/i, /\bwithout\b/i, /\banger\b/i, /\buses\b/i, /\bdrinks\b/i,
  /\baddict/i, /\bill\b/i, /\bpatient/i, /\bautism\b/i,
]
const workerOnly = /^(review|caseload|admin|beheer|worker|coordinator)\b|\.worker\./

describe('words that respect the client', () => {
  for (const [locale, catalogue] of [['nl', nl], ['en', en]] as const) {
    it(`${locale}: no praise as a grade and no "x of y" counts anywhere`, () => {
      const found = leaves(catalogue).filter(({ text }) => grading.some((pattern) => pattern.test(text)))
      expect(found).toEqual([])
    })
  }

  it('nl: none of the method\'s jargon on the client\'s pages', () => {
    const found = leaves(nl).filter(({ key, text }) => !workerOnly.test(key) && jargon.some((pattern) => pattern.test(text)))
    expect(found).toEqual([])
  })

  it('the assistant\'s own words (prompts/, read offline too) praise no one as a grade', () => {
    const root = fileURLToPath(new URL('../../../prompts/', import.meta.url))
    const found: string[] = []
    for (const locale of ['nl', 'en']) {
      for (const file of readdirSync(join(root, locale)).filter((name) => name.endsWith('.md'))) {
        for (const line of readFileSync(join(root, locale, file), 'utf8').split('\n')) {
          if ([...grading, ...praiseAsGrade].some((pattern) => pattern.test(line.trim()))) found.push(`${locale}/${file}: ${line}`)
        }
      }
    }
    expect(found).toEqual([])
  })

  it('every friendlier word the analysis offers for a deficit word is itself positive and respectful', () => {
    const root = fileURLToPath(new URL('../../language/data/', import.meta.url))
    const found: string[] = []
    for (const locale of ['nl', 'en']) {
      const data = JSON.parse(readFileSync(join(root, locale, 'deficit-terms.json'), 'utf8')) as { terms: { term: string; alternative: string | null }[] }
      for (const { term, alternative } of data.terms) {
        if (alternative !== null && deficitWords.some((pattern) => pattern.test(alternative))) found.push(`${locale}: ${term} → ${alternative}`)
      }
    }
    expect(found).toEqual([])
  })

  it('the analysis\' own tips (shown to the client while writing) use no jargon and no count hacks', () => {
    const root = fileURLToPath(new URL('../../language/data/', import.meta.url))
    const found: string[] = []
    for (const locale of ['nl', 'en']) {
      const tips = JSON.parse(readFileSync(join(root, locale, 'suggestions.json'), 'utf8')) as Record<string, string>
      for (const [key, text] of Object.entries(tips)) {
        if (key.startsWith('$')) continue
        if ([...jargon, /\(en\)|\(s\)/].some((pattern) => pattern.test(text))) found.push(`${locale}.${key}: ${text}`)
      }
    }
    expect(found).toEqual([])
  })

  for (const [locale, catalogue] of [['nl', nl], ['en', en]] as const) {
    it(`${locale}: text reworded by the AI is marked as the AI's and never called better than the client's own words`, () => {
      const aboutAi = leaves(catalogue).filter(({ text }) => /\bAI\b/.test(text))
      expect(aboutAi.filter(({ text }) => /beter|mooier|better|nicer|improv/i.test(text))).toEqual([])
      const mark = leaves(catalogue).find(({ key }) => key === 'assistant.cards.suggestion')
      expect(mark?.text).toMatch(/\bAI\b/)
      expect(leaves(catalogue).find(({ key }) => key === 'assistant.cards.ownWords')?.text).toMatch(/eigen woorden|own words/)
    })
  }

  it('nl: plain language (B1) on the client\'s pages: no sentence longer than 20 words (lists of examples aside)', () => {
    const long = leaves(nl)
      .filter(({ key }) => !workerOnly.test(key) && !/\.examples\./.test(key))
      .flatMap(({ key, text }) => text.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.split(/\s+/).filter(Boolean).length > 20).map((sentence) => `${key}: ${sentence}`))
    expect(long).toEqual([])
  })
})
