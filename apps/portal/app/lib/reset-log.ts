import type { Translator } from '@kracht/i18n'

/**
 * Access-log rows about access resets say what happened in words ("Noor gave you a new code"),
 * not the generic "looked at"; null for every other row.
 */
export function resetLogText(t: Translator, entry: { basis: string; actorName: string | null }, someone: string): string | null {
  const name = entry.actorName ?? someone
  switch (entry.basis) {
    case 'access_reset':
      return t('security.logReset', { name })
    case 'access_reset_awaiting_approval':
      return t('security.logResetWaiting', { name })
    case 'access_reset_approved':
      return t('security.logResetApproved', { name })
    case 'first_sign_in_after_reset':
      return t('security.logFirstSignIn')
    default:
      return null
  }
}
