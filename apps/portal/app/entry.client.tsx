import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { defaultLocale, isLocale, loadCatalogue } from '@kracht/i18n'

// Remix's own client entry, but the page's language is loaded first: each language's texts are a
// chunk of their own, so a page ships one catalogue, not both (issue 19, page weight). The server
// wrote the language into <html lang>; switching language reloads the page (root.tsx), so the one
// catalogue loaded here is the only one the page ever needs.
const lang = document.documentElement.lang
await loadCatalogue(isLocale(lang) ? lang : defaultLocale)

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  )
})
