import type { MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useT, pageTitle } from '../lib/i18n'

export const meta: MetaFunction = pageTitle('titles.totZiens')

/** After deleting the account: signed out, a kind word, and help that stays. Needs no account. */
export default function Goodbye() {
  const t = useT()
  return (
    <div className="page page--narrow">
      <h1>{t('rights.goodbyeTitle')}</h1>
      <p>{t('rights.goodbyeText')}</p>
      <p>{t('rights.goodbyeThanks')}</p>
      <p>
        <Link to="/hulp">{t('rights.goodbyeHelp')}</Link>
      </p>
      <p>
        <Link to="/" className="button button--secondary">
          {t('rights.goodbyeHome')}
        </Link>
      </p>
    </div>
  )
}
