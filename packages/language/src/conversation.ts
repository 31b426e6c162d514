// A card's life domain from the whole conversation, not one sentence. "Lina slaapt in de kamer
// naast mij" is about sleep on its own, but when the client said earlier "mijn dochter Lina", it is
// about her child. What counts: the people the client named with their role, who "hij" or "ze"
// most likely points to, and what the sentences just before were about. The sentence's own words
// still weigh in: a sentence full of money words about Lina stays finances.

import { analyze } from './analyze'
import { isDomainWord } from './domains'
import { lexicon } from './lexicon'
import { tokenize } from './tokenize'
import { domainIds, type DomainId, type DomainScore, type Locale } from './types'
import nlRoles from '../data/nl/roles.json'
import enRoles from '../data/en/roles.json'

interface RoleData {
  roles: Record<string, string[]>
  partnerWhenPaired: string[]
  pairedWith: string[]
  possessives: string[]
  pronouns: string[]
  notNames: string[]
}

interface Roles {
  role: Map<string, DomainId>
  partnerWhenPaired: Set<string>
  pairedWith: Set<string>
  possessives: Set<string>
  pronouns: Set<string>
  notNames: Set<string>
}

function compileRoles(data: RoleData, where: string): Roles {
  const role = new Map<string, DomainId>()
  for (const [domain, words] of Object.entries(data.roles)) {
    const id = domainIds.find((d) => d === domain)
    if (!id) throw new Error(`@kracht/language: unknown domain "${domain}" in ${where}`)
    for (const w of words) role.set(w.toLowerCase(), id)
  }
  const lower = (list: string[]) => new Set(list.map((w) => w.toLowerCase()))
  return { role, partnerWhenPaired: lower(data.partnerWhenPaired), pairedWith: lower(data.pairedWith), possessives: lower(data.possessives), pronouns: lower(data.pronouns), notNames: lower(data.notNames) }
}

const compiled = new Map<Locale, Roles>()
function rolesOf(locale: Locale): Roles {
  let roles = compiled.get(locale)
  if (!roles) {
    roles = locale === 'nl' ? compileRoles(nlRoles, 'data/nl/roles.json') : compileRoles(enRoles, 'data/en/roles.json')
    compiled.set(locale, roles)
  }
  return roles
}

interface Word {
  text: string
  lower: string
  /** A comma or other pause right after the word. */
  pause: boolean
}

function wordsOf(text: string): Word[] {
  const out: Word[] = []
  for (const m of text.matchAll(/([\p{L}][\p{L}'’-]*)([^\p{L}]*)/gu)) {
    const word = m[1] ?? ''
    out.push({ text: word, lower: word.toLowerCase().replace(/’/g, "'"), pause: /[,;:(]/.test(m[2] ?? '') })
  }
  return out
}

/** Someone the client mentioned: by role ("mijn zus"), maybe with a name ("mijn zus Samira"). */
export interface PersonMention {
  name: string | null
  role: string
  domain: DomainId
}

function isName(word: Word | undefined, roles: Roles): boolean {
  if (!word) return false
  return /^\p{Lu}/u.test(word.text) && !roles.notNames.has(word.lower) && !roles.role.has(word.lower)
}

/** Names right after a role: "dochter Lina", "dochters, Mila en Roos", "kinderen Bo en Finn". */
function namesAfter(words: Word[], i: number, roles: Roles): string[] {
  const names: string[] = []
  let j = i + 1
  while (isName(words[j], roles)) {
    names.push(words[j]?.text ?? '')
    const joiner = words[j + 1]
    if (joiner && (joiner.lower === 'en' || joiner.lower === 'and') && isName(words[j + 2], roles)) j += 2
    else if (words[j]?.pause && isName(words[j + 1], roles)) j += 1
    else break
  }
  return names
}

/** "Tim, mijn beste maat" and "Lina is mijn dochter": the name before the role. */
function nameBefore(words: Word[], i: number, roles: Roles): string | null {
  let j = i - 1
  if (words[j] && !roles.possessives.has(words[j]?.lower ?? '')) j-- // one word between: "mijn beste maat"
  if (!roles.possessives.has(words[j]?.lower ?? '')) return null
  const before = words[j - 1]
  if (before && (before.lower === 'is' || before.lower === 'was') && isName(words[j - 2], roles)) return words[j - 2]?.text ?? null
  if (before?.pause && isName(before, roles)) return before.text
  return null
}

/**
 * "Mijn vriendin (Kim) en ik": in Dutch "mijn vriend" or "mijn vriendin" with "en ik" is most often
 * the partner; "een vriendin" or "mijn vriendin Fenna ziet het" stays a friend.
 */
function partnerCue(words: Word[], i: number, names: number, roles: Roles): boolean {
  if (!roles.partnerWhenPaired.has(words[i]?.lower ?? '')) return false
  if (!roles.possessives.has(words[i - 1]?.lower ?? '')) return false
  const next = i + 1 + (names > 0 ? names * 2 - 1 : 0)
  return roles.pairedWith.has(`${words[next]?.lower ?? ''} ${words[next + 1]?.lower ?? ''}`)
}

/** The people a text mentions with their role, in the order they appear. */
export function peopleIn(text: string, locale: Locale = 'nl'): PersonMention[] {
  const roles = rolesOf(locale)
  const words = wordsOf(text)
  const out: PersonMention[] = []
  words.forEach((word, i) => {
    const domain = roles.role.get(word.lower)
    if (!domain) return
    // A role counts as a person of the client's with "mijn"/"een" before it, or a name beside it.
    const after = namesAfter(words, i, roles)
    const before = nameBefore(words, i, roles)
    const owned = roles.possessives.has(words[i - 1]?.lower ?? '') || roles.possessives.has(words[i - 2]?.lower ?? '')
    if (after.length === 0 && !before && !owned) return
    const as = partnerCue(words, i, after.length, roles) ? 'partner' : domain
    if (after.length === 0 && !before) out.push({ name: null, role: word.lower, domain: as })
    for (const name of [...(before ? [before] : []), ...after]) out.push({ name, role: word.lower, domain: as })
  })
  return out
}

/** What the conversation tells about a new sentence. */
export interface ConversationClues {
  /** Earlier turns of the conversation, oldest first, in the client's words. */
  earlier?: readonly string[]
  /** Sentences earlier in the same answer, in order. */
  before?: readonly string[]
  /** Life domains the client chose for this conversation (or its step is about). */
  chosen?: readonly DomainId[]
}

// Weights beside the sentence's own scores (which add up to 1). A named person weighs more than
// one everyday word ("slaapt"), less than a sentence full of domain words. Tuned on
// packages/assistant/eval/domain-conversations.jsonl (the set was written before any tuning).
const NAMED = 1.2
const ROLE = 0.6
const PRONOUN = 1.1
const SAME_ANSWER = 0.5
const LAST_TURN = 0.3
const CHOSEN = 0.3

/**
 * How much the sentence says on its own: its scores add up to 1, so weigh them by how many of its
 * words are domain words ("schulden bij de bank en een betalingsachterstand" says a lot, "slaapt"
 * little). One or two such words weigh 1.
 */
function ownStrength(sentence: string, locale: Locale): number {
  const lex = lexicon(locale)
  const count = tokenize(sentence, lex.normaliser).filter((t) => isDomainWord(t.norm, lex.domains)).length
  return Math.max(1, count / 2)
}

function topDomain(text: string, locale: Locale, people: PersonMention[]): DomainId | null {
  return analyze(text, { locale }).domains[0]?.id ?? people.at(-1)?.domain ?? null
}

/** Ranked life domains for `sentence`, best first, with the conversation as context. */
export function domainsInConversation(sentence: string, clues: ConversationClues = {}, locale: Locale = 'nl'): DomainScore[] {
  const roles = rolesOf(locale)
  const earlier = clues.earlier ?? []
  const before = clues.before ?? []
  const own = analyze(sentence, { locale }).domains
  const total = new Map<DomainId, number>()
  const add = (d: DomainId, w: number) => total.set(d, (total.get(d) ?? 0) + w)
  const strength = ownStrength(sentence, locale)
  for (const s of own) add(s.id, s.score * strength)

  const earlierPeople = [...earlier, ...before].flatMap((t) => peopleIn(t, locale))
  const named = new Map<string, DomainId>()
  for (const p of earlierPeople) if (p.name) named.set(p.name.toLowerCase(), p.domain)
  const words = wordsOf(sentence)
  const here = new Set<DomainId>()
  for (const w of words) {
    const d = named.get(w.lower)
    if (d) here.add(d)
  }
  for (const p of peopleIn(sentence, locale)) if (!p.name || !named.has(p.name.toLowerCase())) add(p.domain, p.name ? NAMED : ROLE)
  for (const d of here) add(d, NAMED)

  // "Ze slapen bij mij" right after "mijn kinderen": the most recent person the client mentioned.
  const pronoun = words.some((w) => roles.pronouns.has(w.lower))
  if (pronoun && here.size === 0) {
    const recent = [...earlier, ...before].reverse().flatMap((t) => peopleIn(t, locale).reverse())[0]
    if (recent) add(recent.domain, PRONOUN)
  }

  // A sentence that says little on its own continues what the client was talking about.
  if (total.size === 0) {
    const previous = before.at(-1)
    const fromAnswer = previous ? topDomain(previous, locale, peopleIn(previous, locale)) : null
    if (fromAnswer) add(fromAnswer, SAME_ANSWER)
    else {
      const last = earlier.at(-1)
      const fromTurn = last ? topDomain(last, locale, peopleIn(last, locale)) : null
      if (fromTurn) add(fromTurn, LAST_TURN)
    }
    for (const d of clues.chosen ?? []) add(d, CHOSEN)
  }
  if (total.size === 0) return []
  let sum = 0
  for (const v of total.values()) sum += v
  const firstOwn = (d: DomainId) => {
    const i = own.findIndex((s) => s.id === d)
    return i < 0 ? own.length : i
  }
  return [...total.entries()]
    .sort((a, b) => b[1] - a[1] || firstOwn(a[0]) - firstOwn(b[0]))
    .map(([id, v]) => ({ id, score: Math.round((v / sum) * 1000) / 1000 }))
}
