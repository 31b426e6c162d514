import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { MetaArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { pageTitle } from './i18n'

const args = (locale: 'nl' | 'en' | undefined) => ({ matches: [{ id: 'root', data: locale ? { locale } : undefined }] }) as unknown as MetaArgs

describe('a page title', () => {
  it('is in the reader\'s language, and the page is never for search engines', () => {
    expect(pageTitle('titles.inloggen')(args('nl'))).toEqual([{ title: 'Inloggen – Kracht' }, { name: 'robots', content: 'noindex' }])
    expect(pageTitle('titles.inloggen')(args('en'))).toEqual([{ title: 'Sign in – Kracht' }, { name: 'robots', content: 'noindex' }])
  })

  it('is Dutch when the root has no locale (an error page), and keeps the page\'s own meta', () => {
    expect(pageTitle('titles.welkom', [{ name: 'referrer', content: 'same-origin' }])(args(undefined))).toEqual([
      { title: 'Welkom – Kracht' },
      { name: 'robots', content: 'noindex' },
      { name: 'referrer', content: 'same-origin' },
    ])
  })

  it('comes from the catalogue on every page: no route writes its title as text', () => {
    const routes = fileURLToPath(new URL('../routes/', import.meta.url))
    const literal = readdirSync(routes).filter((file) => /title:\s*['"`]/.test(readFileSync(`${routes}${file}`, 'utf8')))
    expect(literal).toEqual([])
  })
})
