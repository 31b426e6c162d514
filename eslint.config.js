import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['**/build/**', '**/node_modules/**', '**/.data/**', 'test/bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
)
