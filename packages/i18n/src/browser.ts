// The package as a browser bundle gets it (the `browser` condition in package.json): no catalogue
// up front. The portal's client entry loads the page's language before it hydrates.
export * from './exports'
