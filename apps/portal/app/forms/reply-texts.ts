import { addTexts, type Locale, type TextTree } from '@kracht/i18n'

/*
 * The texts of the problems in one answer of an action (issue 19, page weight). A page's JavaScript
 * no longer carries every problem text (`errors.*`, `fields.*`: any code can come back): the action
 * sends the texts of the codes it answers with, beside the codes (`reply`, forms/submission.server.ts),
 * and the page adds them to its texts before it draws the answer (`useActionAnswer`). So the message
 * is in the answer itself: never blank on a slow connection, and without JavaScript the server draws
 * it from its whole catalogue as before.
 */

/** The texts of an answer's codes, per language (the page adds its own language's). */
export type ReplyTexts = Partial<Record<Locale, TextTree>>

const added = new WeakSet<object>()

function isTree(value: unknown): value is TextTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Adds the texts an action's answer carries: itself, or a form's reply inside it (`{ intent, result }`). */
export function addAnswerTexts(answer: unknown, locale: Locale, depth = 3): void {
  // The server holds every text already; in the browser an answer's texts are added once.
  if (typeof document === 'undefined' || depth === 0 || !isTree(answer) || added.has(answer)) return
  added.add(answer)
  const texts = answer['texts']
  const own = isTree(texts) ? texts[locale] : undefined
  if (isTree(own)) addTexts(locale, own)
  for (const part of Object.values(answer)) addAnswerTexts(part, locale, depth - 1)
}
