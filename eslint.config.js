import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'web/dist/', '.revsync/', 'schema/', '.dependency-cruiser.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The engine and matching are pure: time and randomness are passed in.
    files: ['src/engine/**/*.ts', 'src/matching/**/*.ts', 'src/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass a clock in; the engine has no I/O or time.' },
        { object: 'Math', property: 'random', message: 'Pass randomness in; the engine is deterministic.' },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'No I/O in pure modules.' }],
    },
  },
)
