import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { tsImport } from 'tsx/esm/api'
import type { Plugin } from 'vite'
import type { Catalogue, Locale } from '@kracht/i18n'
import { pick, routeKeys, routeName } from './route-texts'

/*
 * Texts per route and per language in the browser (issue 19, page weight). In the client build every
 * route module (and the root) first imports `virtual:route-texts/<route>`, which loads that route's
 * keys in the page's language (`<html lang>`, written by the server) as a chunk of its own, with a
 * top-level await, so the route's code runs with its texts there; on a page that loads later (a
 * link followed in the browser) the same happens when its module is fetched. A route's chunk leaves
 * out what the root's has, as the root is on every page. In development the whole language is
 * loaded instead (nothing is built there). The server holds every text already: nothing changes there.
 */

const appDir = fileURLToPath(new URL('../app/', import.meta.url))
const workspace = { root: fileURLToPath(new URL('../../../', import.meta.url)) }
const locales: readonly Locale[] = ['nl', 'en']
const loaderPrefix = 'virtual:route-texts/'
const dataPrefix = 'virtual:route-texts-data/'

function isRouteModule(file: string): boolean {
  return file === `${appDir}root.tsx` || (file.startsWith(`${appDir}routes/`) && /\.tsx?$/.test(file) && !/\.server\.tsx?$/.test(file))
}

/** The catalogues, read through tsx: Vite loads this config without TypeScript for our packages. */
async function readCatalogues(): Promise<Record<Locale, Catalogue>> {
  const i18n: { fullCatalogue: (locale: Locale) => Catalogue } = await tsImport('@kracht/i18n', import.meta.url)
  return { nl: i18n.fullCatalogue('nl'), en: i18n.fullCatalogue('en') }
}

export function routeTexts(): Plugin {
  let building = false
  let catalogues: Record<Locale, Catalogue> | null = null
  const keysByRoute = new Map<string, Set<string>>()
  const keysOf = (route: string, catalogue: Catalogue): Set<string> => {
    let keys = keysByRoute.get(route)
    if (!keys) {
      keys = routeKeys(`${appDir}${route}`, catalogue, workspace)
      keysByRoute.set(route, keys)
    }
    return keys
  }
  return {
    name: 'kracht-route-texts',
    configResolved(config) {
      building = config.command === 'build'
    },
    async buildStart() {
      if (building) catalogues ??= await readCatalogues()
    },
    transform(code, id, options) {
      const file = id.split('?')[0] ?? id
      if (options?.ssr || !isRouteModule(file)) return null
      return { code: `import ${JSON.stringify(`${loaderPrefix}${routeName(appDir, file)}`)};\n${code}`, map: null }
    },
    resolveId(source) {
      return source.startsWith(loaderPrefix) || source.startsWith(dataPrefix) ? `\0${source}` : null
    },
    load(id) {
      if (id.startsWith(`\0${loaderPrefix}`)) {
        const route = id.slice(loaderPrefix.length + 1)
        if (!building) {
          return [
            `import { defaultLocale, isLocale, loadCatalogue } from '@kracht/i18n'`,
            `const lang = document.documentElement.lang`,
            `await loadCatalogue(isLocale(lang) ? lang : defaultLocale)`,
          ].join('\n')
        }
        // One literal import per language, so each language's texts are a chunk of their own.
        const imports = locales.map((locale) => `${JSON.stringify(locale)}: () => import(${JSON.stringify(`${dataPrefix}${locale}/${route}`)})`).join(', ')
        return [
          `import { addTexts, defaultLocale, isLocale } from '@kracht/i18n'`,
          `const lang = document.documentElement.lang`,
          `const locale = isLocale(lang) ? lang : defaultLocale`,
          `addTexts(locale, (await ({ ${imports} })[locale]()).texts)`,
        ].join('\n')
      }
      if (id.startsWith(`\0${dataPrefix}`)) {
        const [locale, ...rest] = id.slice(dataPrefix.length + 1).split('/')
        const route = rest.join('/')
        if (!isLocaleName(locale) || !catalogues) return null
        const keys = keysOf(route, catalogues.nl)
        const rootKeys = route === 'root.tsx' ? new Set<string>() : keysOf('root.tsx', catalogues.nl)
        const texts = pick(catalogues[locale], [...keys].filter((key) => !rootKeys.has(key)))
        return `export const texts = ${JSON.stringify(texts)}`
      }
      return null
    },
  }
}

function isLocaleName(value: string | undefined): value is Locale {
  return value === 'nl' || value === 'en'
}

/**
 * `virtual:route-text-chunks`: for the server build, the URL of each route's texts chunk per language
 * in the client build, so the root names the page's ones in <link rel="modulepreload"> and the browser
 * fetches them beside the route modules instead of after them. Remix builds the client first and
 * keeps its Vite manifest until the server build is done; in development there is nothing to preload.
 */
export function routeTextChunks(): Plugin {
  const id = 'virtual:route-text-chunks'
  return {
    name: 'kracht-route-text-chunks',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loading) {
      if (loading !== `\0${id}`) return null
      const manifestFile = new URL('../build/client/.vite/manifest.json', import.meta.url)
      const chunks: Record<string, Partial<Record<Locale, string>>> = {}
      if (existsSync(manifestFile)) {
        const manifest: Record<string, { file: string; src?: string }> = JSON.parse(readFileSync(manifestFile, 'utf8'))
        for (const [key, chunk] of Object.entries(manifest)) {
          const found = /route-texts-data\/(nl|en)\/(.+)\.tsx?$/.exec(chunk.src ?? key)
          if (!found?.[2] || !isLocaleName(found[1])) continue
          const routeId = found[2]
          chunks[routeId] = { ...chunks[routeId], [found[1]]: `/${chunk.file}` }
        }
      }
      return `export const routeTextChunks = ${JSON.stringify(chunks)}`
    },
  }
}
