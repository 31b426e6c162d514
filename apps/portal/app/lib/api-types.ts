import type { InferResponseType } from 'hono/client'
import type { ApiClient } from '../context'

/*
 * Types of what the API answers, read from the typed client (so from the API's own routes), for
 * components that take one piece of an answer as a prop. Never redeclared by hand: a change in the
 * API shows up here as a type error, not as a page that silently reads a field that is gone.
 */

/** One row of the invitations a staff member sees. */
export type InvitationRow = InferResponseType<ApiClient['invitations']['$get'], 200>[number]

/** A just-issued invitation (link, code, QR code), shown once. */
export type IssuedInvitationView = InferResponseType<ApiClient['invitations']['$post'], 201>

/** What an invitation link or code says before it is accepted. */
export type InvitationPreview = InferResponseType<ApiClient['invitations']['lookup']['$post'], 200>
