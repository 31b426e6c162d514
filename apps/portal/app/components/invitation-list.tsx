import { Form } from '@remix-run/react'
import type { InvitationRow } from '../lib/api-types'
import { formatDate, useLocale, useT } from '../lib/i18n'


export function InvitationList({ invitations }: { invitations: InvitationRow[] }) {
  const t = useT()
  const locale = useLocale()
  return (
    <section className="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('invitation.listTitle')}</h2>
      {invitations.length === 0 ? (
        <p className="muted">{t('invitation.listEmpty')}</p>
      ) : (
        <ul className="rows">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="row">
              <div>
                <strong>{invitation.displayName}</strong> · {t(`roles.${invitation.role}`)}
                {invitation.isAccessReset ? ` · ${t('invitation.reset')}` : ''}
                {invitation.awaitingApproval && invitation.status === 'open' ? ` · ${t('security.awaitingApproval')}` : ''}
                <br />
                <span className={`badge badge--${invitation.status}`}>{t(`invitation.status.${invitation.status}`)}</span>{' '}
                <span className="muted">
                  {invitation.isAccessReset
                    ? t('security.validUntilTime', { date: formatDate(locale, invitation.expiresAt, true) })
                    : t('invitation.validUntil', { date: formatDate(locale, invitation.expiresAt) })}
                </span>
              </div>
              {invitation.status === 'open' ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="withdraw" />
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <button type="submit" className="button button--small button--secondary">
                    {t('invitation.withdraw')}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
