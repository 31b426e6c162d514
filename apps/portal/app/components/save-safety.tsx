import { Link } from '@remix-run/react'
import type { Translator } from '@kracht/i18n'
import type { SafetyData } from '../lib/assistant.server'
import { useT } from '../lib/i18n'
import { SafetyCard } from './assistant-safety'

/** The `safety` field of an API answer to a save: what the screen found and which lines fit. */
export interface ScreenData {
  detected: boolean
  kind: string | null
  level: 'alarm' | 'check_in' | null
  helpLines: { id: 'emergency' | 'suicide_prevention' | 'veilig_thuis'; numbers: { display: string; tel: string }[] }[]
}

/**
 * The assistant's help card, filled from a screen: the same card wherever help is shown. `saved`:
 * the text was just saved (a save's answer); false while the client is still typing.
 */
export function safetyFromScreen(screen: ScreenData, t: Translator, saved = true): SafetyData {
  const ask = screen.level === 'check_in' ? t('safety.screen.checkIn') : t('safety.screen.alarm')
  return {
    kind: screen.kind === 'self_harm' || screen.kind === 'violence' ? screen.kind : 'suicide',
    current: screen.level !== 'check_in',
    message: saved ? `${t('safety.screen.saved')} ${ask}` : ask,
    helpLines: screen.helpLines.map((line) => ({
      id: line.id,
      name: t(`safety.lines.${line.id}.name`),
      description: t(`safety.lines.${line.id}.text`),
      numbers: line.numbers,
      chat: line.id === 'suicide_prevention' ? { display: '113.nl', url: 'https://www.113.nl' } : null,
    })),
    offerWorkerContact: true,
    workerQuestion: '',
    workerNote: '',
  }
}

/**
 * Shown after a save that fired the screen. The text was saved as written; nothing is blocked. A
 * `check_in` asks gently how the client really is, with the same lines.
 */
export function SaveSafety({ screen, saved = true }: { screen: ScreenData | null | undefined; saved?: boolean }) {
  const t = useT()
  if (!screen?.detected) return null
  return (
    <div className="save-safety">
      <SafetyCard safety={safetyFromScreen(screen, t, saved)} />
      <p className="call-row">
        <Link to="/hulp/rustig-worden">{t('safety.screen.grounding')}</Link>
        <Link to="/hulp/mijn-plan">{t('safety.screen.myPlan')}</Link>
      </p>
    </div>
  )
}
