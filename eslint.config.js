/**
 * ESLint (`npm run lint`, part of `npm test`): typescript-eslint's strict
 * type-checked rules and eslint-plugin-regexp's recommended set over every
 * TypeScript file (src, rules, test, web, scripts, bench, eval and the root
 * configs), each checked against the tsconfig nearest to it. No style rules:
 * formatting stays the house style's business.
 *
 * Where a strict rule is relaxed, the reason is beside it.
 */
import {defineConfig} from 'eslint/config'
import regexp from 'eslint-plugin-regexp'
import tseslint from 'typescript-eslint'

export default defineConfig(
  {ignores: ['dist/', 'coverage/', 'node_modules/', 'scratch/', 'web/dist/']},
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname},
    },
    rules: {
      // With noUncheckedIndexedAccess, `words[i]!` inside a bounds-checked loop is the idiom; a guard would be dead code.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers in messages ("312/280 characters") are what templates are for.
      '@typescript-eslint/restrict-template-expressions': ['error', {allowNumber: true}],
      '@typescript-eslint/restrict-plus-operands': ['error', {allowNumberAndString: true}],
      // `(x) => void run(x)` and `() => report(…)` callbacks read better without braces.
      '@typescript-eslint/no-confusing-void-expression': ['error', {ignoreArrowShorthand: true}],
      // Character sets are spelled as ASCII strings and spread (`new Set([...'-_.'])`); no grapheme is split.
      '@typescript-eslint/no-misused-spread': 'off',
      // `const {label: _, ...rest} = x` is how a key is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', {ignoreRestSiblings: true}],
    },
  },
  // The few plain JavaScript files (this config, the CLI bundler) have no types to check against.
  {files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.strict]},
  regexp.configs['flat/recommended'],
)
