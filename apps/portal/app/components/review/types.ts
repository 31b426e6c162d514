import type { StatementView } from '../../lib/inventory'

/** A comment as the list route gives it: with whether the client read it and what they answered. */
export interface CommentThread {
  id: string
  targetId: string
  authorId: string | null
  authorName: string | null
  kind: 'comment' | 'suggestion'
  body: string
  suggestedText: string | null
  status: 'open' | 'accepted' | 'edited' | 'declined' | null
  createdAt: string
  /** The author's changes (017): send `version` back; `editedAt` is "bewerkt"; a removed one has no words. */
  version: number
  editedAt: string | null
  removed: boolean
  readAt: string | null
  /** A removed answer keeps its place (`removed`, no words); a changed one has `editedAt`. */
  replies: { id: string; authorId: string | null; authorName: string | null; body: string; createdAt: string; version: number; editedAt: string | null; removed: boolean }[]
}

/**
 * A comment as the worker's page shows it: what became of it and the client's answers, written out
 * on the server (lib/comment-lines.server.ts).
 */
export type StaffComment = Omit<CommentThread, 'replies' | 'version' | 'editedAt'> & {
  fate: string
  /** "bewerkt" once the author changed the words, else empty. */
  edited: string
  /** The author's link to change or remove it, with its text. */
  change: { href: string; label: string } | null
  replies: { id: string; line: string }[]
}

export interface SignatureChanges {
  added: number
  changed: number
  removed: number
  domains: string[]
  priorities: boolean
  remarks: boolean
}

export interface AgreementState {
  contentHash: string
  openSuggestions: number
  signatures: { signerId: string; signerName: string; signerRole: 'client' | 'worker'; signedAt: string; current: boolean | null; changes: SignatureChanges | null }[]
}

export interface SharedInventory {
  clientId: string
  displayName: string
  domains: string[]
  statements: (StatementView & { domain: string })[]
  priorities: { domain: string; wish: string | null }[]
  remarks: string
  quality: { items: { id: string; status: string }[] }
}
