import { useActionData } from '@remix-run/react'
import { useLocale } from '../lib/i18n'
import { addAnswerTexts } from './reply-texts'

/**
 * `useActionData`, with the texts of the problems in the answer added to the page's texts before
 * anything draws them (forms/reply-texts.ts). Every route reads its action's answer through this.
 */
export function useActionAnswer<T = unknown>() {
  const answer = useActionData<T>()
  addAnswerTexts(answer, useLocale())
  return answer
}
