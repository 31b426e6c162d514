// The guided assistant, one file per job. Routes import the whole service from here.
export * from './views'
export * from './conversations'
export * from './start-and-answer'
export * from './safety'
// AI help (the switch, its history, the disclosure record, the model for one turn).
export { getAiHelp, setAiHelp, listAiHelpChanges, listAiDisclosures } from './ai-help'
export type { AiHelpView, AiHelpChangeView, AiDisclosureView } from './ai-help'
