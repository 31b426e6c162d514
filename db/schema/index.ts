export * from './organisations'
export * from './users'
export * from './invitations'
export * from './sessions'
