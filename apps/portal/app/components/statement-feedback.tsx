import { Link } from '@remix-run/react'
import { useT } from '../lib/i18n'

interface Props {
  suggestions: { kind: string; message: string }[]
  crisis: boolean
}

/** Tips from the language analysis: advice beside the field, never a block. */
export function StatementFeedback({ suggestions, crisis }: Props) {
  const t = useT()
  return (
    <div className="feedback" aria-live="polite">
      {crisis ? (
        <div className="notice notice--care" role="status">
          <p>
            <strong>{t('help.title')}</strong> {t('help.intro')}
          </p>
          <p className="call-row">
            <a className="button button--small button--call" href="tel:113">
              113
            </a>
            <a className="button button--small button--secondary" href="tel:08000113">
              0800-0113
            </a>
            <a className="button button--small button--secondary" href="tel:08002000">
              Veilig Thuis 0800-2000
            </a>
            <a className="button button--small button--call" href="tel:112">
              112
            </a>
          </p>
          <Link to="/hulp">{t('common.help')}</Link>
        </div>
      ) : null}
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
