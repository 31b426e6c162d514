import { useEffect, useRef, useState } from 'react'
import { useLocation, useNavigation } from '@remix-run/react'
import { useT } from '../lib/i18n'
import { draftFields, forgetAll, forgetForm, formName, isDraftForm, keepField, keepForm, restoreDrafts, isDraftField } from '../lib/drafts'

interface Pending {
  page: string
  form: string
}

/**
 * Keeps what a signed-in person types on this device until it is saved (lib/drafts.ts), and says so:
 * - on a page whose text came back from the device, a kind line that it is not saved yet;
 * - a submit while the phone is offline is held back (it could only fail and lose the page) with a
 *   line that the text is still here; the words stay in the box.
 * A draft is removed when its form was saved: the answer was a redirect (the portal's forms go to the
 * saved item), or the page emptied the form (a sent message). Signing out removes every draft.
 * Progressive enhancement: without JavaScript the forms work as before, nothing is kept.
 */
export function DraftKeeper({ owner }: { owner: string | null }) {
  const t = useT()
  const location = useLocation()
  const navigation = useNavigation()
  const [restored, setRestored] = useState(false)
  const [offline, setOffline] = useState(false)
  const pending = useRef<Pending | null>(null)

  // Typing and submitting, heard once for the whole document.
  useEffect(() => {
    if (!owner) return
    forgetAll({ olderThanWeek: true })
    const onInput = (event: Event) => {
      const field = event.target
      if (!(field instanceof Element) || !isDraftField(field) || !field.form || !isDraftForm(field.form)) return
      keepField(owner, field.form, field)
    }
    // Capture on window: before Remix's own submit handler (on the document) sees the event.
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target
      if (!(form instanceof HTMLFormElement)) return
      if ((form.getAttribute('action') ?? '').startsWith('/uitloggen')) {
        forgetAll()
        return
      }
      if (!isDraftForm(form)) return
      keepForm(owner, form)
      if (!navigator.onLine) {
        event.preventDefault()
        event.stopImmediatePropagation()
        setOffline(true)
        return
      }
      setOffline(false)
      setRestored(false)
      // The page as it is now (the listener outlives the render it was made in).
      pending.current = { page: window.location.pathname, form: formName(form) }
    }
    document.addEventListener('input', onInput, true)
    window.addEventListener('submit', onSubmit, true)
    return () => {
      document.removeEventListener('input', onInput, true)
      window.removeEventListener('submit', onSubmit, true)
    }
  }, [owner])

  // A page is shown (a first load, a navigation, or the answer to a submit): first settle the draft
  // of the form just sent, then bring back what is kept for this page.
  const idle = navigation.state === 'idle'
  useEffect(() => {
    if (!owner || !idle) return
    const sent = pending.current
    pending.current = null
    // Let React finish (a form that remounts empty after a save) before looking.
    const timer = window.setTimeout(() => {
      if (sent) {
        const state: unknown = location.state
        // A redirect is a save, except the one to the sign-in page (the session ended while writing):
        // then the words wait here until the same person is back.
        const redirected =
          typeof state === 'object' && state !== null && '_isRedirect' in state && state._isRedirect === true && !location.pathname.startsWith('/inloggen')
        const form = Array.from(document.querySelectorAll('form')).find((f) => isDraftForm(f) && formName(f) === sent.form)
        const emptied = location.pathname === sent.page && form !== undefined && draftFields(form).every((field) => field.value === '')
        if (redirected || emptied) forgetForm(owner, sent.page, sent.form)
      }
      if (restoreDrafts(owner)) setRestored(true)
    }, 30)
    return () => window.clearTimeout(timer)
  }, [owner, idle, location.key, location.pathname, location.state])

  // The notices belong to one page.
  useEffect(() => {
    setRestored(false)
    setOffline(false)
  }, [location.pathname])

  useEffect(() => {
    const online = () => setOffline(false)
    window.addEventListener('online', online)
    return () => window.removeEventListener('online', online)
  }, [])

  if (!owner) return null
  // Rendered only when there is something to say, so a page's own status line stays its first one.
  return (
    <>
      {restored ? (
        <p role="status" className="draft-notice">
          {t('drafts.restored')}
        </p>
      ) : null}
      {offline ? (
        <div className="draft-alert-region">
          <p role="alert" className="draft-alert">
            {t('drafts.offline')}{' '}
            <button type="button" className="link-button" onClick={() => setOffline(false)}>
              {t('common.close')}
            </button>
          </p>
        </div>
      ) : null}
    </>
  )
}
