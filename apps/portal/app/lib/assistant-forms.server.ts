import { z } from 'zod'
import { flows } from './assistant'

// Buttons only on the assistant's first page (and the "with the assistant" buttons elsewhere), read
// by its action; no fields to draw. The conversation page's forms are in conversation-forms.ts.
const StartForm = z.object({ intent: z.literal('start'), flow: z.enum(flows, { error: 'unknown_flow' }) })
const AiHelpForm = z.object({ intent: z.literal('aiHelp'), enabled: z.enum(['on', 'off'], { error: 'invalid' }) })
export const AssistantForms = z.discriminatedUnion('intent', [StartForm, AiHelpForm])
