import { translate, type Locale, type MessageKey, type Vars } from './translate'

/** Keys that hold `{ one, other }` forms: `review.forYouCount` for `review.forYouCount.one` / `.other`. */
type PluralBase<K> = K extends `${infer Base}.other` ? Base : never
type HasOne<B> = B extends string ? (`${B}.one` extends MessageKey ? B : never) : never
export type PluralKey = HasOne<PluralBase<MessageKey>>

const rules: Partial<Record<Locale, Intl.PluralRules>> = {}

/**
 * "1 voorstel", "2 voorstellen": the form that `Intl.PluralRules` picks for the count, never
 * "voorstel(len)". Dutch and English know only `one` and `other`; any other category reads `other`.
 */
export function translatePlural(locale: Locale, key: PluralKey, count: number, vars: Vars = {}): string {
  const rule = (rules[locale] ??= new Intl.PluralRules(locale === 'nl' ? 'nl-NL' : 'en-GB'))
  const form = rule.select(count) === 'one' ? 'one' : 'other'
  return translate(locale, `${key}.${form}` as MessageKey, { count, ...vars })
}
