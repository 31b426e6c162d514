import { hasKey, type Translator } from '@kracht/i18n'
import { useT } from '../../lib/i18n'
import { domainLabel } from '../../lib/inventory'

export interface CheckPrompt {
  id: string
  domain: string | null
}

function promptText(t: Translator, prompt: CheckPrompt): string {
  if (prompt.id === 'what_domain' && prompt.domain) return t('plan.check.what_domain_heard', { domain: domainLabel(t, prompt.domain) })
  const key = `plan.check.${prompt.id}`
  // A prompt the catalogue does not know yet (a newer API) is left out rather than shown as a key.
  return hasKey(key) ? t(key) : ''
}

/**
 * The goal check: SMART and FUZZY questions as gentle prompts beside the goal. Advice only: no
 * score, no colour for "wrong", nothing to tick off, and never a word about rewording the goal.
 */
export function GoalCheck({ prompts }: { prompts: readonly CheckPrompt[] }) {
  const t = useT()
  if (prompts.length === 0) return null
  return (
    <aside className="card goal-check" aria-labelledby="goal-check-title" data-testid="goal-check">
      <h2 id="goal-check-title">{t('plan.check.title')}</h2>
      <p className="muted">{t('plan.check.intro')}</p>
      <ul>
        {prompts.map((prompt) => (
          <li key={prompt.id}>{promptText(t, prompt)}</li>
        ))}
      </ul>
    </aside>
  )
}
