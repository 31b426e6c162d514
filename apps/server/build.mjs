// `npm run build` for the server: apps/server/src/main.ts and the workspace's TypeScript it imports,
// bundled into one JavaScript file (build/main.mjs) that `npm start` runs with plain Node (issue 19,
// memory). Running TypeScript through tsx keeps a loader thread with its own JavaScript heap and
// every transformed module beside the server for as long as it runs: 55–65 MiB of RSS. Packages from
// node_modules stay outside the bundle, loaded by Node as always. Each file's `import.meta.url` is
// its own source file's address, so paths beside the sources (the migrations, the portal's build,
// the first start's child) resolve as they do under tsx.
import { readFile } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const here = fileURLToPath(new URL('.', import.meta.url))

await build({
  entryPoints: [`${here}src/main.ts`],
  outfile: `${here}build/main.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // Bundled CommonJS code in an ES module still finds `require`.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [
    {
      name: 'workspace-only',
      setup(builder) {
        // Only the workspace's own packages are bundled; everything from the registry stays external.
        builder.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@kracht/') ? undefined : { external: true }))
        builder.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
          if (args.path.includes('/node_modules/')) return undefined
          const text = await readFile(args.path, 'utf8')
          const loader = /\.[cm]?tsx$/.test(args.path) ? 'tsx' : /\.[cm]?ts$/.test(args.path) ? 'ts' : /\.[cm]?jsx$/.test(args.path) ? 'jsx' : 'js'
          return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader }
        })
      },
    },
  ],
})
