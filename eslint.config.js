/**
 * Lint for regular expressions only: eslint-plugin-regexp's recommended set
 * over the shipped source (`npm run lint`, part of `npm test`). Not a style
 * lint: no other rule is on, so formatting stays the house style's business.
 */
import regexp from 'eslint-plugin-regexp'
import tseslint from 'typescript-eslint'

export default [
  {
    files: ['**/*.ts'],
    languageOptions: {parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module'},
  },
  regexp.configs.recommended,
  // The rules' regexes live in src/ and rules/; linted only where they ship.
  {ignores: ['dist/', 'coverage/', 'node_modules/', 'scratch/', 'web/']},
]
