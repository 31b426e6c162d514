// The consent rules live beside the gate now (access/rules.ts); this path stays for older imports.
export * from '../../access/rules'
