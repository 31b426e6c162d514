export * from './translate'
export * from './plural'
