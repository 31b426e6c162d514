import type { ScreenData } from '../components/save-safety'

/** What a message can be about (the API's topics). */
export const topics = ['general', 'inventory', 'action_plan', 'session'] as const

export type SendResult =
  | { sent: true; safety: ScreenData | null; problem: null; field: null; text: string; topic: string }
  | { sent: false; safety: null; problem: string; field: string | null; text: string; topic: string }
