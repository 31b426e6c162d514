import { accessExtension } from './client-route'

/** The part of an OpenAPI document the walk reads. */
export interface WalkedDocument {
  paths?: Record<string, object | undefined> | undefined
}

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const

/** Every operation about one client's data, as `METHOD /path`, with the rule it declares (if any). */
export function clientOperations(document: WalkedDocument): { operation: string; declared: unknown }[] {
  const found: { operation: string; declared: unknown }[] = []
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!item || !path.startsWith('/clients/{clientId}')) continue
    for (const method of methods) {
      const operation = (item as Record<string, unknown>)[method] as Record<string, unknown> | undefined
      if (operation) found.push({ operation: `${method.toUpperCase()} ${path}`, declared: operation[accessExtension] })
    }
  }
  return found
}

/**
 * What the walk fails on: a client route without a declared rule (so its gate would depend on the
 * handler remembering it), or without a row in the authorisation matrix.
 */
export function walkProblems(document: WalkedDocument, matrixOperations: ReadonlySet<string>): string[] {
  return clientOperations(document).flatMap(({ operation, declared }) => [
    ...(declared ? [] : [`${operation}: no access rule declared`]),
    ...(matrixOperations.has(operation) ? [] : [`${operation}: no row in the authorisation matrix`]),
  ])
}
