import type { MouseEvent } from 'react'
import { forgetAll } from '../lib/drafts'

/** A neutral page to land on: the weather, as on the Veilig Thuis sites. */
export const QUICK_EXIT_URL = 'https://www.google.nl/search?q=weer'

/**
 * "Snel weg" for a client whose phone may be watched. Without JavaScript it is a plain link away.
 * With JavaScript it replaces this page in the history, so the back button does not lead back here,
 * and first forgets every unsaved text kept on this device (drafts exist only with JavaScript), so
 * nobody who picks up the phone finds what was being typed.
 */
export function QuickExit({ label }: { label: string }) {
  const leave = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    try {
      forgetAll()
    } catch {
      // Storage may be blocked (private mode); leaving comes first.
    }
    window.location.replace(QUICK_EXIT_URL)
  }
  return (
    <a className="quick-exit" href={QUICK_EXIT_URL} rel="noreferrer" onClick={leave}>
      {label}
    </a>
  )
}
