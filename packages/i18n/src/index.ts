import { en } from './messages/en'
import { nl } from './messages/nl'
import { addCatalogue } from './translate'

// The server (and every test) holds both languages from the start; browsers load `browser.ts`, which
// holds none until the page's language is loaded (see `loadCatalogue`).
addCatalogue('nl', nl)
addCatalogue('en', en)

export * from './exports'
