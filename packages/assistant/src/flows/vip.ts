import { z } from 'zod'
import { defineFlow } from './types'
import type { FlowEnv, StepSpec } from './types'
import { isOnlyOptions, matchOptions, passFeedback, shortField, yesNo, yesNoOptions } from './helpers'
import { supportKinds, vipAreas } from '../types'
import type { NetworkPersonProposal, SupportKind, VipArea, VipRing } from '../types'

/**
 * The VIP card (Spanjaard 2003): for each person who matters, the area, how close (ring 1-3)
 * and what they help with. Each person becomes one `network_person` draft.
 *
 *   p1.name ─▶ p1.area ─▶ p1.ring ─▶ p1.support ─▶ p1.more ─yes─▶ p2.name ...
 *      └─ skip / don't know: end                       └─ no: end
 */
export const MAX_VIP_PERSONS = 15

const personSchema = z.object({
  name: z.string().max(200),
  area: z.enum(vipAreas).nullable(),
  ring: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
})

const dataSchema = z.object({
  /** Names of the people already on the card (their drafts are in the conversation's proposals). */
  done: z.array(z.string().max(200)).max(MAX_VIP_PERSONS),
  current: personSchema.nullable(),
})
type VipData = z.infer<typeof dataSchema>

type Part = 'name' | 'area' | 'ring' | 'support' | 'more'

function parseStepId(stepId: string): { n: number; part: Part } | null {
  const m = /^p(\d{1,2})\.(name|area|ring|support|more)$/.exec(stepId)
  if (!m) return null
  return { n: Number(m[1]), part: m[2] as Part }
}

function validStep(stepId: string, data: VipData): boolean {
  const parsed = parseStepId(stepId)
  if (!parsed) return false
  const { n, part } = parsed
  if (part === 'name') return data.current === null && n === data.done.length + 1 && n <= MAX_VIP_PERSONS
  if (part === 'more') return data.current === null && n === data.done.length && n < MAX_VIP_PERSONS
  return data.current !== null && n === data.done.length + 1
}

const AREA_SYNONYMS: Record<VipArea, RegExp> = {
  family:
    /\b(familie|family|broer\w*|zus\w*|moeder|vader|mama|papa|oma|opa|tante|oom|neef|nicht|ouders|zoon|dochter|kind\w*|brother|sister|mother|mom|mum|father|dad|grand\w+|aunt\w*|uncle|cousin|parents|son|daughter|relatives)\b/,
  friends: /\b(vriend\w*|kennis\w*|buur\w*|maat|maten|friend\w*|acquaint\w*|neighbo\w*|mates?|buddy)\b/,
  school_work_club:
    /\b(school|werk|collega\w*|baas|club|vereniging|sport\w*|team|klas|juf|meester|kerk|moskee|work|job|colleague\w*|boss|church|mosque|class|teacher|gym)\b/,
  professionals:
    /\b(hulpverlen\w*|begeleid\w*|casemanager|dokter|huisarts|arts|therapeut|psycholoog|maatschappelijk\w*|coach|mentor|wijkteam|zorg|professional\w*|worker|caseworker|counsel\w*|doctor|gp|therapist|psycholog\w*|nurse|verpleeg\w*)\b/,
}

const RING_SYNONYMS: Record<'1' | '2' | '3', RegExp> = {
  '1': /^(een|één|eén|one|first|eerste)$|^(heel|zeer|erg|super) dicht ?bij|^dichtst ?bij|^(very|really|super) close|^closest/,
  '2': /^(twee|two|second|tweede|dichtbij|dicht bij|close|midden|in het midden|ertussenin|in between|middle)$/,
  '3': /^(drie|three|third|derde|ver|far)$|verder|ver weg|niet zo dicht|minder dicht|further|far away|not so close|less close/,
}

const SUPPORT_SYNONYMS: Record<SupportKind, RegExp> = {
  practical: /\b(prakti\w*|klus\w*|vervoer|rijden|brengt|boodschappen|oppas\w*|geld|papieren|verhuiz\w*|practical|chores|lift|drives?|shopping|babysit\w*|money|paperwork|moving)\b/,
  emotional: /\b(emotione\w*|steun|troost\w*|luister\w*|knuffel\w*|er voor me|er voor mij|begrijpt|emotional|support\w*|comfort\w*|listens?|hugs?|there for me|understands)\b/,
  advice: /\b(advies|adviseert|raad|tips?|denkt mee|meedenken|uitleg|legt uit|advice|advises|tips|helps me think|explains?)\b/,
  company: /\b(gezelschap|samen|gezellig\w*|uitje\w*|koffie|thee|wandel\w*|sporten|company|together|hang out|coffee|walks?|fun)\b/,
}

function areaOptions(env: FlowEnv): Array<{ id: VipArea; label: string }> {
  return vipAreas.map((id) => ({ id, label: env.texts.t(`vip.area.${id}`) }))
}

function ringOptions(env: FlowEnv): Array<{ id: '1' | '2' | '3'; label: string }> {
  return (['1', '2', '3'] as const).map((id) => ({ id, label: env.texts.t(`vip.ring.${id}`) }))
}

function supportOptions(env: FlowEnv): Array<{ id: SupportKind; label: string }> {
  return supportKinds.map((id) => ({ id, label: env.texts.t(`vip.support.${id}`) }))
}

export const vipFlow = defineFlow({
  id: 'vip',
  dataSchema,
  start(env) {
    return { data: { done: [], current: null }, stepId: 'p1.name', intro: [env.texts.t('vip.intro')] }
  },
  names(data) {
    return [...data.done, ...(data.current ? [data.current.name] : [])]
  },
  step(stepId, data, env): StepSpec | null {
    if (!validStep(stepId, data)) return null
    const parsed = parseStepId(stepId)
    if (!parsed) return null
    const name = data.current?.name ?? ''
    const base = { id: stepId, allowText: true, form: null }
    switch (parsed.part) {
      case 'name':
        return {
          ...base,
          question: env.texts.t(parsed.n === 1 ? 'vip.name.question' : 'vip.name.question.next'),
          hint: env.texts.t('vip.name.hint'),
          input: 'text',
          options: [],
        }
      case 'area':
        return { ...base, question: env.texts.t('vip.area.question', { name }), hint: null, input: 'choice', options: areaOptions(env) }
      case 'ring':
        return {
          ...base,
          question: env.texts.t('vip.ring.question', { name }),
          hint: env.texts.t('vip.ring.hint'),
          input: 'choice',
          options: ringOptions(env),
        }
      case 'support':
        return {
          ...base,
          question: env.texts.t('vip.support.question', { name }),
          hint: env.texts.t('vip.support.hint'),
          input: 'multi_choice',
          options: supportOptions(env),
        }
      case 'more':
        return { ...base, question: env.texts.t('vip.more.question'), hint: null, input: 'choice', options: yesNoOptions(env), allowText: false }
    }
  },
  answer(stepId, data, answer, env) {
    const parsed = parseStepId(stepId)
    if (!parsed) throw new Error(`vip: unknown step ${stepId}`)
    const { n, part } = parsed
    const reask = { data, next: stepId, proposals: [], feedback: [env.texts.t('reask.choice')], reask: true }

    if (part === 'name') {
      const name = answer.kind === 'text' ? shortField(answer.text, 200) : ''
      if (!name) {
        const key = data.done.length === 0 ? 'vip.none' : 'vip.finished_early'
        return { data, next: null, proposals: [], feedback: [env.texts.t(key)] }
      }
      return {
        data: { ...data, current: { name, area: null, ring: null } },
        next: `p${n}.area`,
        proposals: [],
        feedback: [env.texts.t('vip.name.ack', { name })],
      }
    }

    if (part === 'more') {
      const choice = answer.kind === 'text' ? yesNo(answer, env) : 'no'
      if (choice === null) return reask
      if (choice === 'yes') return { data, next: `p${n + 1}.name`, proposals: [], feedback: [] }
      return { data, next: null, proposals: [], feedback: [] }
    }

    const current = data.current
    if (!current) throw new Error('vip: no current person')

    if (part === 'area') {
      let area: VipArea | null = null
      if (answer.kind === 'text') {
        const picked = matchOptions(answer, areaOptions(env), AREA_SYNONYMS)
        if (picked.length === 0) return reask
        area = picked[0] ?? null
      }
      return {
        data: { ...data, current: { ...current, area } },
        next: `p${n}.ring`,
        proposals: [],
        feedback: answer.kind === 'text' ? [] : passFeedback(env, answer),
      }
    }

    if (part === 'ring') {
      let ring: VipRing | null = null
      if (answer.kind === 'text') {
        const picked = matchOptions(answer, ringOptions(env), RING_SYNONYMS)
        if (picked.length === 0) return reask
        ring = Number(picked[0]) as VipRing
      }
      return {
        data: { ...data, current: { ...current, ring } },
        next: `p${n}.support`,
        proposals: [],
        feedback: answer.kind === 'text' ? [] : passFeedback(env, answer),
      }
    }

    // part === 'support': the person is complete.
    let support: SupportKind[] = []
    let note: string | null = null
    if (answer.kind === 'text') {
      support = matchOptions(answer, supportOptions(env), SUPPORT_SYNONYMS)
      const typed = answer.text.trim()
      note = typed && !isOnlyOptions(typed, supportOptions(env)) ? typed : null
    }
    const proposal: NetworkPersonProposal = {
      kind: 'network_person',
      id: env.newId(),
      name: current.name,
      area: current.area,
      ring: current.ring,
      support,
      note,
      source: 'assistant',
    }
    const done = [...data.done, current.name]
    return {
      data: { done, current: null },
      next: done.length >= MAX_VIP_PERSONS ? null : `p${n}.more`,
      proposals: [proposal],
      feedback: [env.texts.t('vip.person.ack', { name: current.name })],
    }
  },
})
