export * from './models'
export * from './checklists'
