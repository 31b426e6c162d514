export * from './types'
export { analyze } from './analyze'
export { domainsInConversation, peopleIn } from './conversation'
export type { ConversationClues, PersonMention } from './conversation'
