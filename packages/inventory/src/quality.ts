import { analyze, type Analysis, type Locale } from '@kracht/language'

// Statements rarely change while their portrait is viewed again and again, so their analyses are
// kept in a small least-recently-used cache (a cache only: any process can rebuild it).
const cacheLimit = 5000
const analysisCache = new Map<string, Analysis>()

function analyzeCached(text: string, locale: Locale): Analysis {
  const key = `${locale}\u0000${text}`
  const hit = analysisCache.get(key)
  if (hit) {
    analysisCache.delete(key)
    analysisCache.set(key, hit)
    return hit
  }
  const analysis = analyze(text, { locale })
  analysisCache.set(key, analysis)
  if (analysisCache.size > cacheLimit) analysisCache.delete(analysisCache.keys().next().value as string)
  return analysis
}

/**
 * The eight quality requirements of an inventory (seed 003), computed where a program can. It is a
 * checklist with next steps for the client and worker, not a grade.
 */
export const qualityItems = [
  'first_person',
  'positive',
  'own_words',
  'domains_covered',
  'detail',
  'priorities',
  'agreement',
  'observation',
  'team_meeting',
] as const
export type QualityItemId = (typeof qualityItems)[number]

export type QualityStatus = 'done' | 'on_the_way' | 'to_do' | 'not_yet' | 'talk_about'

export interface QualityItem {
  id: QualityItemId
  status: QualityStatus
  /** Counts behind the status, e.g. 18 of 20 statements in the first person. */
  count: number
  total: number
  /** Statement ids worth another look (not in the first person, with "niet", …). */
  statementIds: string[]
}

export interface QualityReport {
  items: QualityItem[]
  checkedAt: string
}

export interface QualityInput {
  statements: readonly { id: string; text: string; provenance: string }[]
  domainsUsed: number
  domainsTotal: number
  prioritiesChosen: number
  agreementSigned: boolean
  locale: Locale
  now: Date
}

// At least this share counts as done; anything above zero is on the way.
const doneShare = 0.9
const detailedWords = 4

function shareItem(id: QualityItemId, total: number, misses: string[]): QualityItem {
  const count = total - misses.length
  const status: QualityStatus = total === 0 ? 'to_do' : count / total >= doneShare ? 'done' : count > 0 ? 'on_the_way' : 'to_do'
  return { id, status, count, total, statementIds: misses }
}

export function checkQuality(input: QualityInput): QualityReport {
  const notFirst: string[] = []
  const negative: string[] = []
  const notOwn: string[] = []
  const short: string[] = []
  for (const statement of input.statements) {
    const analysis = analyzeCached(statement.text, input.locale)
    if (analysis.person === 'other') notFirst.push(statement.id)
    if (analysis.negative) negative.push(statement.id)
    // Labels and jargon are someone else's words, even when the client wrote them down.
    if (analysis.deficitTerms.length > 0) notOwn.push(statement.id)
    if (analysis.wordCount < detailedWords) short.push(statement.id)
  }
  const total = input.statements.length
  const coverage = input.domainsUsed / input.domainsTotal
  return {
    items: [
      shareItem('first_person', total, notFirst),
      shareItem('positive', total, negative),
      shareItem('own_words', total, notOwn),
      {
        id: 'domains_covered',
        status: coverage >= 0.7 ? 'done' : input.domainsUsed > 0 ? 'on_the_way' : 'to_do',
        count: input.domainsUsed,
        total: input.domainsTotal,
        statementIds: [],
      },
      shareItem('detail', total, short),
      {
        id: 'priorities',
        status: input.prioritiesChosen >= 1 ? 'done' : 'to_do',
        count: input.prioritiesChosen,
        total: 0,
        statementIds: [],
      },
      { id: 'agreement', status: input.agreementSigned ? 'done' : 'not_yet', count: 0, total: 0, statementIds: [] },
      // Facts and observation, and the team meeting, are for people to judge together.
      { id: 'observation', status: 'talk_about', count: 0, total: 0, statementIds: [] },
      { id: 'team_meeting', status: 'not_yet', count: 0, total: 0, statementIds: [] },
    ],
    checkedAt: input.now.toISOString(),
  }
}
