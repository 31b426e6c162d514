/** A start-up problem with a message written for the person running the server. */
export class DatabaseStartError extends Error {
  override name = 'DatabaseStartError'
}
