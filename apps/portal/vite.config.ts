import { vitePlugin as remix } from '@remix-run/dev'
import { existsSync, readFileSync } from 'node:fs'
import { defineConfig, type Plugin } from 'vite'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

// A build is always React's production build, whatever NODE_ENV the shell has (a demo or a pilot
// must never ship the development build); the app's own mode is KRACHT_MODE (README, Configuration).
if (process.argv.includes('vite:build') || process.argv.includes('build')) process.env['NODE_ENV'] = 'production'

/**
 * `virtual:catalogue-chunks`: the URL of each language's catalogue chunk in the client build, so the
 * server can name the page's one in a <link rel="modulepreload"> (root.tsx) and the browser fetches
 * it beside the entry instead of after it. Remix builds the client first and keeps its Vite manifest
 * until the server build is done; in development (no client build) there is nothing to preload.
 */
function catalogueChunks(): Plugin {
  const id = 'virtual:catalogue-chunks'
  return {
    name: 'kracht-catalogue-chunks',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loading) {
      if (loading !== `\0${id}`) return null
      const manifestFile = new URL('./build/client/.vite/manifest.json', import.meta.url)
      const chunks: Record<string, string> = {}
      if (existsSync(manifestFile)) {
        const manifest: Record<string, { file: string; src?: string }> = JSON.parse(readFileSync(manifestFile, 'utf8'))
        for (const chunk of Object.values(manifest)) {
          const locale = /i18n\/src\/messages\/(nl|en)\.ts$/.exec(chunk.src ?? '')?.[1]
          if (locale) chunks[locale] = `/${chunk.file}`
        }
      }
      return `export const catalogueChunks = ${JSON.stringify(chunks)}`
    },
  }
}

export default defineConfig({
  plugins: [
    catalogueChunks(),
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
  ],
  build: { target: 'es2022' },
  ssr: {
    // Database drivers and the API stay outside the portal bundle: the server hands them in through
    // the load context, so there is exactly one database instance per process.
    external: ['@electric-sql/pglite', 'postgres', '@node-rs/argon2'],
  },
})
