import { useT } from '../lib/i18n'
import { SaveSafety, type ScreenData } from './save-safety'

interface Props {
  suggestions: { kind: string; message: string }[]
  /** The crisis screen of the words (the API's `safety`); the one shared help card when it fired. */
  safety: ScreenData | null | undefined
  /** True after a save (the words are kept as written), false while the client is typing. */
  saved?: boolean
}

/** Tips from the language analysis: advice beside the field, never a block. */
export function StatementFeedback({ suggestions, safety, saved = false }: Props) {
  const t = useT()
  return (
    <div className="feedback" aria-live="polite">
      <SaveSafety screen={safety} saved={saved} />
      {suggestions.length > 0 ? (
        <div className="tips">
          <p className="tips-title">{t('inventory.tipsTitle')}</p>
          <ul>
            {suggestions.map((suggestion) => (
              <li key={suggestion.kind + suggestion.message}>{suggestion.message}</li>
            ))}
          </ul>
          <p className="muted">{t('inventory.tipsIntro')}</p>
        </div>
      ) : null}
    </div>
  )
}
