/**
 * ESLint's JSON formatter shape: an array of `{filePath, messages, errorCount,
 * warningCount, …}`, one line, for tools that already read ESLint output.
 * Messages add liaison's `messageId`, `actual`, `expected` (the plain-text
 * suggestions) and `suggestions` in ESLint's `{desc, fix: {range, text}}` form.
 */
import type {Formatter} from './index.ts'

export const json: Formatter = (results) =>
  `${JSON.stringify(
    results.map((result) => ({
      filePath: result.filePath,
      messages: result.messages,
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    })),
  )}\n`
