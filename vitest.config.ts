import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ when it is stale: the CLI tests spawn the built command.
    globalSetup: ['test/global-setup.ts'],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'rules/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
    },
  },
})
