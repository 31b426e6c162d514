// What the package offers, the same in both builds: index.ts (server, tests) adds both catalogues,
// browser.ts adds none (the page's language is loaded before hydration).
export * from './translate'
export * from './plural'
export * from './domains'
