import { Form } from '@remix-run/react'
import { domainLabel } from '../../lib/inventory'
import { formatDate, useLocale, usePlural, useT } from '../../lib/i18n'
import type { AgreementState, SignatureChanges } from './types'

/**
 * Signing as its own step, the same for client and worker: both people's status in words
 * ("Noor: getekend op 3 december · Sam: nog niet"), what changed since a signature, and the
 * button only for someone who may sign now (not signed this version, no open suggestions).
 */
export function SignStep({
  agreement,
  viewerId,
  clientName,
  workerName,
  isClient,
  canSign = true,
}: {
  agreement: AgreementState
  viewerId: string
  clientName: string
  /** The worker shown when no worker signed yet (the viewer, or the client's first worker). */
  workerName: string | null
  isClient: boolean
  /** A peer expert sees the status but does not sign the agreement. */
  canSign?: boolean
}) {
  const t = useT()
  const locale = useLocale()
  const plural = usePlural()
  const client = agreement.signatures.find((s) => s.signerRole === 'client')
  const worker = agreement.signatures.find((s) => s.signerRole === 'worker' && (isClient || s.signerId === viewerId)) ?? agreement.signatures.find((s) => s.signerRole === 'worker')
  const mine = agreement.signatures.find((s) => s.signerId === viewerId)
  const signedThis = mine?.current === true
  const status = (s: (typeof agreement.signatures)[number] | undefined, name: string) => {
    if (!s) return t('review.signStatusNotYet', { name })
    const date = formatDate(locale, s.signedAt)
    if (s.current === null) return t('review.signStatusHidden', { name: s.signerName, date })
    return s.current ? t('review.signStatusSigned', { name: s.signerName, date }) : t('review.signStatusChanged', { name: s.signerName, date })
  }
  const describe = (changes: SignatureChanges) => {
    const parts = [
      changes.added ? plural('review.changes.added', changes.added) : null,
      changes.changed ? plural('review.changes.changed', changes.changed) : null,
      changes.removed ? plural('review.changes.removed', changes.removed) : null,
    ].filter(Boolean)
    const where = changes.domains.length > 0 ? ` ${t('review.changes.inDomains', { domains: changes.domains.map((d) => domainLabel(t, d)).join(', ') })}` : ''
    const more = [changes.priorities ? t('review.changes.priorities') : null, changes.remarks ? t('review.changes.remarks') : null].filter(Boolean)
    return [parts.join(', ') + where, ...more].filter((part) => part && part.trim()).join(', ')
  }
  const stale = agreement.signatures.filter((s) => s.current === false && s.changes)
  return (
    <section className="card sign-step" aria-labelledby="sign-title" data-testid="sign-step">
      <h2 id="sign-title">{t('review.signTitle')}</h2>
      {/* Only the client and a worker sign: a peer expert reads who did, and is not named as a signer. */}
      <p>{isClient || canSign ? t('review.signIntro') : t('review.signIntroOthers', { name: clientName })}</p>
      <p className="sign-status" data-testid="signatures">
        {status(client, clientName)} · {status(worker, worker?.signerName ?? workerName ?? t('review.signWorkerUnnamed'))}
      </p>
      {stale.map((s) => (
        <p key={s.signerId} className="muted" data-testid="changed-since">
          {t('review.changedSince', { name: s.signerName, changes: s.changes ? describe(s.changes) : '' })}
        </p>
      ))}
      {signedThis && mine ? (
        <p className="notice notice--ok">{t('review.signedThisVersion', { date: formatDate(locale, mine.signedAt) })}</p>
      ) : agreement.openSuggestions > 0 ? (
        <p className="notice" data-testid="sign-waits">
          {isClient ? plural('review.waitClient', agreement.openSuggestions) : plural('review.waitWorker', agreement.openSuggestions, { name: clientName })}
        </p>
      ) : !canSign ? null : (
        <Form method="post">
          <input type="hidden" name="intent" value="sign" />
          <input type="hidden" name="contentHash" value={agreement.contentHash} />
          <button type="submit" className="button">
            {t('review.signButton')}
          </button>
        </Form>
      )}
    </section>
  )
}
