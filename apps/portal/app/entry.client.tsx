import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'

// Remix's own client entry. Each route module brings its own texts in the page's language before it
// runs (texts/vite-plugin.ts), so nothing has to load here before hydration.

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  )
})
