import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { fullCatalogue } from '@kracht/i18n'
import { browserModules, keysInSource, keysOf, pick, routeKeys } from './route-texts'

const catalogue = {
  common: { save: 'Opslaan', back: 'Terug' },
  plan: { title: 'Plan', steps: { one: '1 stap', other: '{count} stappen' }, celebrate: { done_1: 'Goed!', done_2: 'Knap!' } },
  errors: { generic: 'Er ging iets mis.', not_found: 'Niet gevonden.' },
}
const all = keysOf(catalogue)
const found = (source: string) => [...keysInSource(source, all, new Set(all))].sort()

describe('the keys a module can show', () => {
  it('reads keys from strings, whatever the quotes', () => {
    expect(found(`t('common.save'); t("plan.title"); t(\`common.back\`)`)).toEqual(['common.back', 'common.save', 'plan.title'])
  })

  it('takes a whole group for a key made from its start', () => {
    expect(found('const key = `plan.celebrate.${id}`')).toEqual(['plan.celebrate.done_1', 'plan.celebrate.done_2'])
    expect(found(`const section = 'plan.steps'; t(\`\${section}.\${form}\`)`)).toEqual(['plan.steps.one', 'plan.steps.other'])
    expect(found(`t('plan.celebrate.' + id)`)).toEqual(['plan.celebrate.done_1', 'plan.celebrate.done_2'])
    expect(found('t(`plan.celebrate.done_${n}`)')).toEqual(['plan.celebrate.done_1', 'plan.celebrate.done_2'])
  })

  it('takes only the keys with the template\'s literal tail', () => {
    const items = { items: { a: { title: 'A', text: 'a', next: 'na a' }, b: { title: { one: '1 b', other: '{count} b' }, text: 'b' } } }
    const keys = keysOf(items)
    const of = (source: string) => [...keysInSource(source, keys, new Set(keys))].sort()
    expect(of('t(`items.${item.id}.title`)')).toEqual(['items.a.title', 'items.b.title.one', 'items.b.title.other'])
    expect(of('const key = `items.${id}.text`')).toEqual(['items.a.text', 'items.b.text'])
    expect(of('t(`items.${pick(item, { b: 1 })}.next`)')).toEqual(['items.a.next'])
    // The tail followed by more of the template: keys with the tail somewhere after the start.
    expect(of('t(`items.${id}.title.${form}`)')).toEqual(['items.b.title.one', 'items.b.title.other'])
    // No key-like tail (a sentence, nothing, another part right away): the whole group, as before.
    expect(of('`items.${id} is klaar`')).toHaveLength(6)
    expect(of('t(`items.${id}`)')).toHaveLength(6)
    expect(of('t(`items.${id}${suffix}`)')).toHaveLength(6)
  })

  it('ignores words that merely look like a group', () => {
    expect(found(`className="plan"; import x from './plan.css'; const a = 'common'`)).toEqual([])
  })

  it('reads the groups a module names in a route-texts comment', () => {
    expect(found('// route-texts: errors\nconst key = `${group}.${code}`')).toEqual(['errors.generic', 'errors.not_found'])
  })

  it('leaves out a group a module names but gets another way', () => {
    expect(found("// route-texts: -plan.celebrate\nconst own = 'plan.celebrate'; t('plan.title')")).toEqual(['plan.title'])
  })

  it('builds the part of the catalogue with those keys', () => {
    expect(pick(catalogue, ['plan.steps.one', 'common.save', 'plan.missing'])).toEqual({ plan: { steps: { one: '1 stap' } }, common: { save: 'Opslaan' } })
  })
})

describe('every route of the portal', () => {
  const appDir = fileURLToPath(new URL('../app/', import.meta.url))
  const workspace = { root: fileURLToPath(new URL('../../../', import.meta.url)) }
  const routes = ['root.tsx', ...readdirSync(`${appDir}routes`).map((file) => `routes/${file}`)].filter((file) => !/\.server\.tsx?$/.test(file))
  const nl = fullCatalogue('nl')

  it('never reads server modules for the browser', () => {
    const modules = browserModules(`${appDir}routes/inloggen.tsx`, workspace)
    expect(modules.some((module) => module.endsWith('forms/field-components.tsx'))).toBe(true)
    expect(modules.filter((module) => /\.server\.tsx?$/.test(module))).toEqual([])
  })

  // Every key a module of the route names in a t('…') call is in the route's texts (with the root's).
  it.each(routes)('%s has the texts of every t() call in its modules', (route) => {
    const keys = new Set([...routeKeys(`${appDir}${route}`, nl, workspace), ...routeKeys(`${appDir}root.tsx`, nl, workspace)])
    const called = browserModules(`${appDir}${route}`, workspace).flatMap((module) =>
      [...readFileSync(module, 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g)].map((match) => match[1] ?? ''),
    )
    expect(called.filter((key) => !keys.has(key))).toEqual([])
    // A key made in the call (`t(`network.rings.r${ring}`)`): the keys that start so are there (but
    // for a group the module says comes with a form's answer, `route-texts: -review.errors`).
    const made = browserModules(`${appDir}${route}`, workspace).flatMap((module) => {
      const source = readFileSync(module, 'utf8')
      const answered = [...source.matchAll(/route-texts:.*?-([\w.]+)/g)].map((match) => `${match[1] ?? ''}.`)
      return [...source.matchAll(/\b(?:t|hasKey|label)\(\s*`([\w.-]+)\$\{/g)].map((match) => match[1] ?? '').filter((prefix) => !answered.some((group) => prefix.startsWith(group)))
    })
    expect(made.filter((prefix) => ![...keys].some((key) => key.startsWith(prefix)))).toEqual([])
  })

  it('a page with forms carries no problem texts: a form\'s answer brings them (forms/reply-texts.test.ts)', () => {
    const keys = routeKeys(`${appDir}routes/inloggen.tsx`, nl, workspace)
    expect(keys.has('fields.required')).toBe(false)
    expect(keys.has('errors.invalid_credentials')).toBe(false)
    expect(keys.has('errors.generic') && keys.has('fields.invalid')).toBe(true)
  })
})
