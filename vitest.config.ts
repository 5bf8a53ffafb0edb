import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ when it is stale: the CLI tests spawn the built command.
    globalSetup: ['test/global-setup.ts'],
    // No test asserts a time, but the default 5 s limit fails property tests on a busy shared machine.
    testTimeout: 60_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'rules/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
    },
  },
})
