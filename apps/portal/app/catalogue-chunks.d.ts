declare module 'virtual:catalogue-chunks' {
  /** The client build's catalogue chunk per language (`/assets/nl-….js`); empty in development. */
  export const catalogueChunks: Partial<Record<'nl' | 'en', string>>
}
