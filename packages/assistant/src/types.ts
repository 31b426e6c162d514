import { z } from 'zod'
import { crisisKinds, locales, strengthForms } from '@kracht/language'
import type { CrisisKind, DomainId, Locale, StrengthForm } from '@kracht/language'
import { careSettings } from './flows/question-rules'
import { domainSetIds, lifeDomains, type DomainSetId, type LifeDomain } from '@kracht/method'

export { lifeDomains, type DomainSetId, type LifeDomain }

export type { CrisisKind, DomainId, Locale, StrengthForm }

/** The guided flows. */
export const flowIds = ['miracle', 'strengths', 'vip', 'goal', 'safety_plan'] as const
export type FlowId = (typeof flowIds)[number]

/** Longest answer accepted, in characters (code points). */
export const MAX_ANSWER_LENGTH = 2000

/** VIP card areas (Spanjaard 2003). */
export const vipAreas = ['family', 'friends', 'school_work_club', 'professionals'] as const
export type VipArea = (typeof vipAreas)[number]

/** Rings of the VIP card: 1 is closest. */
export const vipRings = [1, 2, 3] as const
export type VipRing = (typeof vipRings)[number]

/** Kinds of support a VIP gives (free text goes to `note`). */
export const supportKinds = ['practical', 'emotional', 'advice', 'company'] as const
export type SupportKind = (typeof supportKinds)[number]

export const times = ['past', 'present', 'future'] as const
export type Time = (typeof times)[number]

const id = z.string().min(1).max(200)
const shortText = z.string().max(4000)
/** A draft or a choice may carry any set's domain: the flows work in the organisation's own set. */
const domainSchema = z.enum(lifeDomains)
const localeSchema = z.enum(locales)

/**
 * Where a draft comes from. `assistant`: the client's own words, at most with a sentence starter
 * added ("koken" → "Ik kan koken"). `assistant_suggestion`: a reformulation a model proposed as an
 * alternative to the client's own draft (`alternativeTo` is that draft's id).
 */
export const proposalSources = ['assistant', 'assistant_suggestion'] as const
export type ProposalSource = (typeof proposalSources)[number]

export const statementProposalSchema = z.object({
  kind: z.literal('statement'),
  id,
  /** Null when no life domain fits: let the client pick one on the card. */
  domain: domainSchema.nullable(),
  time: z.enum(times),
  form: z.enum(strengthForms),
  text: shortText,
  source: z.enum(proposalSources),
  alternativeTo: id.nullable(),
})

export const networkPersonProposalSchema = z.object({
  kind: z.literal('network_person'),
  id,
  name: z.string().max(200),
  area: z.enum(vipAreas).nullable(),
  ring: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  support: z.array(z.enum(supportKinds)),
  /** What the person helps with, in the client's words. */
  note: shortText.nullable(),
  source: z.enum(proposalSources),
})

export const goalProposalSchema = z.object({
  kind: z.literal('goal'),
  id,
  domain: domainSchema.nullable(),
  text: shortText,
  source: z.enum(proposalSources),
  alternativeTo: id.nullable(),
})

export const actionProposalSchema = z.object({
  kind: z.literal('action'),
  id,
  /** The goal draft this step belongs to, null when the client skipped the goal. */
  goalRef: id.nullable(),
  what: shortText,
  who: shortText.nullable(),
  when: shortText.nullable(),
  source: z.enum(proposalSources),
})

/** The six parts of the client's safety plan (signaleringsplan), as the API names them. */
export const safetyPlanParts = ['warningSigns', 'selfHelp', 'people', 'places', 'reasons', 'professionals'] as const
export type SafetyPlanPart = (typeof safetyPlanParts)[number]
/** A plan line is short: it is read in a hard moment and printed on one page. */
export const MAX_PLAN_LINE = 300

/** One line for one part of the safety plan, in the client's own words. */
export const safetyPlanLineProposalSchema = z.object({
  kind: z.literal('safety_plan_line'),
  id,
  part: z.enum(safetyPlanParts),
  text: shortText,
  source: z.enum(proposalSources),
})

export const proposalSchema = z.discriminatedUnion('kind', [
  statementProposalSchema,
  networkPersonProposalSchema,
  goalProposalSchema,
  actionProposalSchema,
  safetyPlanLineProposalSchema,
])
export type Proposal = z.infer<typeof proposalSchema>
export type StatementProposal = z.infer<typeof statementProposalSchema>
export type NetworkPersonProposal = z.infer<typeof networkPersonProposalSchema>
export type GoalProposal = z.infer<typeof goalProposalSchema>
export type ActionProposal = z.infer<typeof actionProposalSchema>
export type SafetyPlanLineProposal = z.infer<typeof safetyPlanLineProposalSchema>

/** What the caller may pass when a conversation starts. */
export const conversationContextSchema = z
  .object({
    /** Strengths flow: the life domains the client picked. Without them the flow asks. */
    domains: z.array(domainSchema).max(lifeDomains.length).optional(),
    /** Goal flow: the priority to turn into a goal, optionally with the client's wish (their words). */
    priority: z.object({ domain: domainSchema, wish: z.string().max(2000).optional() }).optional(),
    /** Names that must never leave the server (the client's own name, network people). */
    clientName: z.string().max(200).optional(),
    knownNames: z.array(z.string().max(200)).max(200).optional(),
    /** The client's organisation(s): masked before a model call; their own name never trips the screen. */
    organisations: z.array(z.string().max(200)).max(10).optional(),
    /** The organisation's life domains (Krachtwerk's ten by default, or ICM's nine): the only ones offered or suggested. */
    domainSet: z.enum(domainSetIds).optional(),
    /** The organisation's kind of care: some questions are left out in some settings (flows/question-rules.ts). */
    setting: z.enum(careSettings).optional(),
    /** True when the client chose `domains` themselves (not a worker who started the flow beside them). */
    domainsChosenByClient: z.boolean().optional(),
  })
  .strict()
export type ConversationContext = z.infer<typeof conversationContextSchema>

export const turnOutcomes = ['answered', 'skipped', 'dont_know', 'reask', 'crisis', 'clarified'] as const
export type TurnOutcome = (typeof turnOutcomes)[number]

/**
 * The whole conversation as a plain JSON object: store it, load it days later, pass it back.
 * `data` is flow-specific and checked by the flow when loaded.
 */
export const conversationStateSchema = z.object({
  version: z.literal(1),
  id,
  flow: z.string().min(1).max(50),
  locale: localeSchema,
  status: z.enum(['active', 'finished']),
  /** The step waiting for an answer; null when finished. */
  stepId: z.string().min(1).max(100).nullable(),
  context: conversationContextSchema,
  data: z.record(z.string(), z.unknown()),
  /** Counter for proposal ids. */
  seq: z.number().int().min(0),
  /** Empty answers in a row on the current step. */
  reasks: z.number().int().min(0),
  /** Every answered turn, without the text. */
  history: z.array(z.object({ stepId: z.string().max(100), outcome: z.enum(turnOutcomes) })).max(1000),
  /** Everything proposed so far (the client's own words), for the summary. */
  proposals: z.array(proposalSchema).max(500),
  /** Set once the crisis screen fired: help then stays in every result of this conversation. */
  safety: z
    .object({
      kind: z.enum(crisisKinds),
      /** True when the previous turn was the one that fired. */
      lastTurn: z.boolean(),
      count: z.number().int().min(1),
    })
    .nullable(),
})
export type ConversationState = z.infer<typeof conversationStateSchema>

/** An answer from the client. Exactly one of text / choices / skip / dontKnow is needed. */
export const answerInputSchema = z.object({
  stepId: z.string().min(1).max(100),
  text: z.string().optional(),
  /** Option ids (choice steps). May come together with text on steps that allow it. */
  choices: z.array(z.string().max(100)).max(20).optional(),
  skip: z.boolean().optional(),
  dontKnow: z.boolean().optional(),
})
export type AnswerInput = z.infer<typeof answerInputSchema>

export interface StepOption {
  id: string
  label: string
}

export type StepInput = 'text' | 'choice' | 'multi_choice'

/** What the caller shows for the current step. */
export interface StepView {
  id: string
  flow: FlowId
  question: string
  /** Examples or a helping line, null when none. */
  hint: string | null
  input: StepInput
  options: StepOption[]
  /** On choice steps: free text is welcome too. */
  allowText: boolean
  /** Every step can be skipped or answered "I don't know". */
  canSkip: true
  /** Who wrote `question`: the offline catalogue, or a model (then `offlineQuestion` is the original). */
  phrasedBy: 'offline' | 'model'
  offlineQuestion: string
}

export interface HelpNumber {
  /** As shown: "0800-0113". */
  display: string
  /** As linked: "tel:08000113". */
  tel: string
}

export interface HelpLine {
  id: 'emergency' | 'suicide_prevention' | 'veilig_thuis'
  name: string
  description: string
  numbers: HelpNumber[]
  chat: { display: string; url: string } | null
}

/**
 * Present in every result once the crisis screen fired in this conversation. `current` is true
 * on the turn that fired. The engine tells nobody: `offerWorkerContact` asks the caller to let
 * the client choose whether their worker is told (`workerQuestion`, with the honest `workerNote`).
 */
export interface Safety {
  kind: CrisisKind
  current: boolean
  message: string
  helpLines: HelpLine[]
  offerWorkerContact: true
  workerQuestion: string
  workerNote: string
}

export interface Summary {
  title: string
  lines: string[]
  counts: { wishes: number; statements: number; people: number; goals: number; actions: number; planLines: number }
  /** The drafts found in this conversation (the client's own words). */
  proposals: Proposal[]
}

/**
 * Why model text is missing: AI help off, a crisis turn, the model failed or took too long, or its
 * reply was discarded by the output check (`OutputRejection`, see output-check.ts).
 */
export type AiFallbackReason =
  | 'disabled'
  | 'crisis'
  | 'timeout'
  | 'error'
  | 'invalid_output'
  | 'screened'
  | 'empty_or_long'
  | 'placeholder'
  | 'asks_personal_data'
  | 'link_or_phone'
  | 'advice'
  | 'self_harm'
  | 'meaning'

export interface AiInfo {
  /** True when model text is in this result. */
  used: boolean
  /** Why model text is missing or partly dropped; null when all went well. */
  fallback: AiFallbackReason | null
}

export interface StepResult {
  state: ConversationState
  /** The next step, the same step again (re-ask, crisis), or null when the flow finished. */
  step: StepView | null
  feedback: string[]
  /** Drafts for the client to accept, edit or drop. Nothing is saved by the engine. */
  proposals: Proposal[]
  safety: Safety | null
  outcome: TurnOutcome
  /** Present when the flow finished on this turn. */
  summary: Summary | null
  ai: AiInfo
}

export interface StartResult {
  state: ConversationState
  step: StepView
  /** Welcome lines to show above the first question. */
  intro: string[]
  ai: AiInfo
}
