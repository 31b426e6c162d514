import { vitePlugin as remix } from '@remix-run/dev'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import { routeTextChunks, routeTexts } from './texts/vite-plugin'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

// A build is always React's production build, whatever NODE_ENV the shell has (a demo or a pilot
// must never ship the development build); the app's own mode is KRACHT_MODE (README, Configuration).
if (process.argv.includes('vite:build') || process.argv.includes('build')) process.env['NODE_ENV'] = 'production'

/**
 * The browser gets no zod and no conform (issue 19, page weight: 40 kB gzipped on every page with a
 * form): the action checks each form; the page only draws its fields' attributes, read from the
 * schema by a small recorder (app/forms/zod-stand-in.ts). The server build keeps both.
 */
function browserZod(): Plugin {
  const standIn = fileURLToPath(new URL('./app/forms/zod-stand-in.ts', import.meta.url))
  return {
    name: 'kracht-browser-zod',
    enforce: 'pre',
    resolveId: (source, _importer, options) => (!options?.ssr && (source === 'zod' || source === '@conform-to/zod/v4') ? standIn : null),
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    browserZod(),
    routeTexts(),
    routeTextChunks(),
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
  build: {
    target: 'es2022',
    // The browser's JavaScript is minified by terser, two passes (issue 19, page weight): 3–4 kB
    // gzipped less than esbuild's minifier on every page, most of it in React DOM and Remix. The
    // server build stays unminified (readable stack traces), as Vite leaves it. `pure_getters`: reading
    // a property has no side effects (no code of ours or of React and Remix reads one for its effect),
    // so terser may drop an unused read: 0.5 kB gzipped less on every page; the browser tests hold it.
    minify: isSsrBuild ? false : 'terser',
    terserOptions: { compress: { passes: 2, pure_getters: true }, ecma: 2020, module: true },
  },
  ssr: {
    // Database drivers and the API stay outside the portal bundle: the server hands them in through
    // the load context, so there is exactly one database instance per process.
    external: ['@electric-sql/pglite', 'postgres', '@node-rs/argon2'],
  },
}))
