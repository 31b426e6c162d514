import { useRouteLoaderData } from '@remix-run/react'

/**
 * The hidden key of one form render (lib/idempotency.server.ts). The root loader makes a new one on
 * every load, also after each submit, so the next item gets a new key; `scope` tells apart two forms
 * on one page (a comment on two statements) that would otherwise share it.
 */
export function IdempotencyKey({ scope }: { scope?: string | undefined }) {
  const data = useRouteLoaderData<{ formKey?: string }>('root')
  if (!data?.formKey) return null
  return <input type="hidden" name="idempotencyKey" value={scope ? `${data.formKey}.${scope}` : data.formKey} />
}
