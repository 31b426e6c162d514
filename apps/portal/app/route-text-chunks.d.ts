declare module 'virtual:route-text-chunks' {
  /** Per route id, the client build's chunk of that route's texts per language (`/assets/….js`); empty in development. */
  export const routeTextChunks: Record<string, Partial<Record<'nl' | 'en', string>>>
}
