import type { IssuedInvitationView } from '../lib/api-types'
import { formatDate, useLocale, useT } from '../lib/i18n'


/** The one-time view of a new invitation: QR code, link and short code, made to be printed. */
export function IssuedInvitation({ invitation }: { invitation: IssuedInvitationView }) {
  const t = useT()
  // The address printed beside the code ("go to … and enter this code").
  const portalUrl = new URL(invitation.link).origin
  const locale = useLocale()
  return (
    <section className="card invitation" aria-labelledby="invitation-title">
      <h2 id="invitation-title">{t('invitation.issuedTitle', { name: invitation.displayName })}</h2>
      <p className="no-print">{t('invitation.issuedIntro', { name: invitation.displayName })}</p>
      <figure className="qr">
        {/* Server-made SVG from the qrcode library: no script, prints sharp. */}
        <div className="qr-image" role="img" aria-label={t('invitation.scan')} dangerouslySetInnerHTML={{ __html: invitation.qrSvg }} />
        <figcaption>{t('invitation.scan')}</figcaption>
      </figure>
      <p>
        {t('invitation.orGoTo')} <strong>{portalUrl}/uitnodiging</strong> {t('invitation.andEnter')}
      </p>
      <p className="code" data-testid="invitation-code">
        {invitation.code}
      </p>
      {/* Access-reset codes last 30 minutes: the time matters, not only the day. */}
      <p className="muted">{t('security.validUntilTime', { date: formatDate(locale, invitation.expiresAt, true) })}</p>
      {invitation.needsApproval ? (
        <div className="notice notice--care" role="status">
          {t('security.approvalNeeded')}
        </div>
      ) : null}
      <p className="link-line">
        <a href={invitation.link} data-testid="invitation-link">
          {invitation.link}
        </a>
      </p>
      <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
        {t('common.print')}
      </button>
    </section>
  )
}
