import type { nl } from './messages/nl'

export const locales = ['nl', 'en'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'nl'

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }

/** The Dutch catalogue is the source; English must have the same keys (checked by the type). */
export type Catalogue = Widen<typeof nl>

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>
}[keyof T & string]

export type MessageKey = Leaves<Catalogue>
export type Vars = Record<string, string | number>

/** Texts as a tree: a whole catalogue, or the part of one that a page uses. */
export interface TextTree {
  readonly [key: string]: string | TextTree
}

/**
 * The texts this process holds. The server holds both catalogues whole (index.ts adds them); a
 * browser holds only the page's language, and of it only the keys the page's routes use: each route
 * module loads its own part before it runs (`addTexts`, from the portal's build), so a page never
 * ships both languages or texts it does not show.
 */
const catalogues: Partial<Record<Locale, TextTree>> = {}

/** Sets the texts of a language: its whole catalogue (the server), or the part a page holds (a test of a page). */
export function addCatalogue(locale: Locale, catalogue: TextTree): void {
  catalogues[locale] = catalogue
}

function merged(into: TextTree | undefined, texts: TextTree): TextTree {
  if (!into) return texts
  const result: Record<string, string | TextTree> = { ...into }
  for (const [key, value] of Object.entries(texts)) {
    const have = result[key]
    result[key] = typeof value === 'string' || typeof have !== 'object' ? value : merged(have, value)
  }
  return result
}

/** Adds part of a language's texts (one route's keys) to what this process holds. */
export function addTexts(locale: Locale, texts: TextTree): void {
  catalogues[locale] = merged(catalogues[locale], texts)
}

const loaders: Record<Locale, () => Promise<Catalogue>> = {
  nl: async () => (await import('./messages/nl')).nl,
  en: async () => (await import('./messages/en')).en,
}

/** Makes sure `translate` knows the locale's texts (a no-op where they are there already). */
export async function loadCatalogue(locale: Locale): Promise<void> {
  if (!catalogues[locale]) addCatalogue(locale, await loaders[locale]())
}

/** The locale's texts, else whichever catalogue is loaded (Dutch first): a page never shows raw keys for a language it did not load. */
function catalogueFor(locale: Locale): TextTree | undefined {
  return catalogues[locale] ?? catalogues[defaultLocale] ?? Object.values(catalogues)[0]
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

/**
 * Each catalogue's texts by their whole key, filled as keys are asked for: a page asks for the same
 * keys again and again (a label per statement), and splitting the key to walk the tree each time was
 * about 1 % of a page's server time (issue 19). A catalogue object never changes (addTexts makes a
 * new one), so its entries stay right; the texts are the app's own, never anyone's data.
 */
const flat = new WeakMap<TextTree, Map<string, string>>()

function lookup(catalogue: TextTree, key: string): string | undefined {
  let known = flat.get(catalogue)
  if (!known) flat.set(catalogue, (known = new Map()))
  const cached = known.get(key)
  if (cached !== undefined) return cached
  let node: string | TextTree | undefined = catalogue
  for (const part of key.split('.')) {
    if (typeof node !== 'object') {
      node = undefined
      break
    }
    node = node[part]
  }
  const text = typeof node === 'string' ? node : undefined
  // Only texts found are kept, so the map never holds more than the catalogue's own keys: an unknown
  // key (a code from the API, a domain from an address) is looked up again and fills nothing.
  if (text !== undefined) known.set(key, text)
  return text
}

/** `{name}` placeholders are filled from vars; a missing key shows itself, so it is noticed. */
export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const own = catalogueFor(locale)
  const fallback = catalogues[defaultLocale]
  const text = (own && lookup(own, key)) ?? (fallback && lookup(fallback, key)) ?? key
  if (!vars) return text
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match))
}

export type Translator = (key: MessageKey, vars?: Vars) => string

export function translator(locale: Locale): Translator {
  return (key, vars) => translate(locale, key, vars)
}

/** For codes that come from the API (problem codes, field codes): a key if there is one, else null. */
export function hasKey(key: string): key is MessageKey {
  const catalogue = catalogueFor(defaultLocale)
  return catalogue !== undefined && lookup(catalogue, key) !== undefined
}

/** The preferred supported locale from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return defaultLocale
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().slice(0, 2)
    if (isLocale(tag)) return tag
  }
  return defaultLocale
}
