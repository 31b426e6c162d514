export * from './domains'
export * from './quality'
export * from './history'
