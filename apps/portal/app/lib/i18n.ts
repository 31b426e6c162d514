import type { MetaDescriptor, MetaFunction } from '@remix-run/node'
import { useRouteLoaderData } from '@remix-run/react'
import { defaultLocale, hasKey, isLocale, localeFromAcceptLanguage, translatePlural, translator, type Locale, type MessageKey, type PluralKey, type Translator, type Vars } from '@kracht/i18n'

export const localeCookieName = 'kracht_lang'

export function localeFromCookie(cookieHeader: string | null): Locale | null {
  const match = cookieHeader?.match(/(?:^|;\s*)kracht_lang=(nl|en)(?:;|$)/)
  return match && isLocale(match[1]) ? match[1] : null
}

interface RootData {
  locale: Locale
}

/** The translator for the current page, from the locale the root loader chose. */
export function useT(): Translator {
  const data = useRouteLoaderData<RootData>('root')
  return translator(data?.locale ?? defaultLocale)
}

/** Counted words with the right plural ("1 voorstel", "3 voorstellen"), from `{ one, other }` entries. */
export type PluralTranslator = (key: PluralKey, count: number, vars?: Vars) => string

export function usePlural(): PluralTranslator {
  const locale = useLocale()
  return (key, count, vars) => translatePlural(locale, key, count, vars)
}

export function useLocale(): Locale {
  return useRouteLoaderData<RootData>('root')?.locale ?? defaultLocale
}

export function formatDate(locale: Locale, value: string | Date, withTime = false): string {
  const date = typeof value === 'string' ? new Date(value) : value
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    timeZone: 'Europe/Amsterdam',
  }).format(date)
}

/** A day people say out loud: "donderdag 3 december, 10:00" (for what comes next on a home tile). */
export function formatDay(locale: Locale, value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  }).format(date)
}

/** The locale of a request: the language switch's cookie, else the browser's preference. */
export function requestLocale(request: Request): Locale {
  return localeFromCookie(request.headers.get('cookie')) ?? localeFromAcceptLanguage(request.headers.get('accept-language'))
}

/** A consent scope's name; one this page does not know yet (a newer API) is shown as it is named, never dropped. */
export function scopeName(t: Translator, scope: string): string {
  const key = `sharing.scopes.${scope}`
  return hasKey(key) ? t(key) : scope
}

/** A consent scope's name on a worker's or peer expert's screen ("Actieplan", not the client's "Mijn actieplan"). */
export function sharedScopeName(t: Translator, scope: string): string {
  const key = `sharing.scopesShared.${scope}`
  return hasKey(key) ? t(key) : scopeName(t, scope)
}

/**
 * A page's `meta`: its title in the reader's language (the root loader's `locale`, as `<html lang>`),
 * from the catalogue (`titles.*`), and `noindex` on every page (Remix uses the deepest route's meta
 * only, so the root's would not reach them): care data is never for search engines.
 */
export function pageTitle(key: MessageKey, more: MetaDescriptor[] = []): MetaFunction {
  return ({ matches }) => {
    const root = matches.find((match) => match.id === 'root')?.data as Partial<RootData> | undefined
    return [{ title: translator(root?.locale ?? 'nl')(key) }, { name: 'robots', content: 'noindex' }, ...more]
  }
}
