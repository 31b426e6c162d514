import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'

// Remix's own client entry. Each route module brings its own texts in the page's language before it
// runs (texts/vite-plugin.ts), so nothing has to load here before hydration.

/**
 * With single fetch, RemixBrowser's first render decodes the page's data and suspends the whole root
 * until it is there. React 18 cannot take a discrete event (a key pressed, a tap) on a root that is
 * suspended while it hydrates: it throws "Root did not complete" (#345, remix-run/remix#10214), which
 * a keyboard user who presses Tab while a slow phone still hydrates the page set off. So the decoding
 * starts here, before hydration: RemixBrowser throws the decoding promise before it touches any hook,
 * we wait for it, and hydration then renders through without suspending. Anything else it throws
 * here is left for the real render, which handles it as before.
 */
async function decodePageData(): Promise<void> {
  try {
    RemixBrowser({})
  } catch (thrown: unknown) {
    if (thrown instanceof Promise) await thrown
  }
}

await decodePageData()

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  )
})
