// @kracht/assistant: the guided flows (miracle question, forms of strength, VIP card, goal) as
// state machines, offline by default, optionally phrased by a model. See README.md.

export {
  startConversation,
  answerStep,
  currentStep,
  resumeConversation,
  parseState,
  buildSummary,
  isFlowId,
  organisationsOf,
} from './engine'
export type { StartOptions, AnswerOptions, ResumeResult } from './engine'

export { startConversationWithModel, answerStepWithModel } from './assist'
export type { ModelOptions, ModelCallReport, ModelCallOutcome } from './assist'
export { checkModelText, keepsMeaning, outputRejections } from './output-check'
export type { OutputRejection } from './output-check'

export { callModel, createModelFromEnv, modelOutputSchema, DEFAULT_MODEL_TIMEOUT_MS, MODEL_PROVIDER_OPTIONS } from './model'
export type { AssistantModel, ModelOutput, ModelCallResult, ModelFailure, Env } from './model'

export { AssistantError, assistantErrorCodes } from './errors'
export type { AssistantErrorCode } from './errors'

export { pseudonymise, createPseudonymiser, detectPii, piiKinds, specialCategories, placeholderCounts } from './pseudonymise'
export type { Pseudonymiser, PiiKind, DetectOptions, PiiSpan } from './pseudonymise'

export { HELP_NUMBERS, SUICIDE_PREVENTION_CHAT, buildSafety, helpLines, screen, withoutOrganisationNames } from './safety'

export {
  loadPrompt,
  renderPrompt,
  renderTemplate,
  listPrompts,
  loadTexts,
  placeholdersOf,
  promptsDir,
  clearPromptCache,
} from './prompts'
export type { PromptFile, PromptKind, TextCatalogue, TemplateVars } from './prompts'

export {
  flowIds,
  MAX_ANSWER_LENGTH,
  vipAreas,
  vipRings,
  supportKinds,
  times,
  proposalSources,
  turnOutcomes,
  proposalSchema,
  statementProposalSchema,
  networkPersonProposalSchema,
  goalProposalSchema,
  actionProposalSchema,
  safetyPlanLineProposalSchema,
  safetyPlanParts,
  MAX_PLAN_LINE,
  conversationContextSchema,
  conversationStateSchema,
  answerInputSchema,
} from './types'
export type {
  FlowId,
  VipArea,
  VipRing,
  SupportKind,
  Time,
  ProposalSource,
  Proposal,
  StatementProposal,
  NetworkPersonProposal,
  GoalProposal,
  ActionProposal,
  SafetyPlanLineProposal,
  SafetyPlanPart,
  ConversationContext,
  ConversationState,
  AnswerInput,
  StepOption,
  StepInput,
  StepView,
  HelpNumber,
  HelpLine,
  Safety,
  Summary,
  AiFallbackReason,
  AiInfo,
  StepResult,
  StartResult,
  TurnOutcome,
  CrisisKind,
  DomainId,
  LifeDomain,
  DomainSetId,
  Locale,
  StrengthForm,
} from './types'
export { lifeDomains } from './types'
export { careSettings, questionKinds, questionRules, questionsFor } from './flows/question-rules'
export type { CareSetting, QuestionKind, QuestionRule } from './flows/question-rules'
export { MAX_VIP_PERSONS } from './flows/vip'
export { MAX_GOAL_ACTIONS } from './flows/goal'
