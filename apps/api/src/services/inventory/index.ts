// Inventory of strengths, one file per job. Routes import the whole service from here.
export * from './settings'
export * from './statements'
export * from './inventory'
export * from './history'
