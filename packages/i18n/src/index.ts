import { en } from './messages/en'
import { nl } from './messages/nl'
import { addCatalogue, type Catalogue, type Locale } from './translate'

// The server (and every test) holds both languages from the start; browsers load `browser.ts`, which
// holds none until the page's language is loaded (see `loadCatalogue`).
addCatalogue('nl', nl)
addCatalogue('en', en)

export * from './exports'

/** A language's whole catalogue: for the portal's build, which gives each route only its keys. */
export function fullCatalogue(locale: Locale): Catalogue {
  return locale === 'en' ? en : nl
}
