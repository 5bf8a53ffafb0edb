/**
 * ESLint's JSON formatter shape: an array of `{filePath, messages, errorCount,
 * warningCount, …}`, one line, for tools that already read ESLint output.
 * Messages add liaison's `messageId`, `actual`, `expected` (the plain-text
 * suggestions) and `suggestions` in ESLint's `{desc, fix: {range, text}}` form;
 * a safe fix is `fix: {range, text}`, and `output` is the fixed text.
 */
import {safeJson} from '../visible.ts'
import type {Formatter} from './index.ts'

export const json: Formatter = (results) =>
  `${safeJson(JSON.stringify(
    results.map((result) => ({
      filePath: result.filePath,
      messages: result.messages,
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      fatalErrorCount: 0,
      fixableErrorCount: result.messages.filter((message) => message.fix && message.severity === 2).length,
      fixableWarningCount: result.messages.filter((message) => message.fix && message.severity === 1).length,
      // With --fix or --fix-dry-run, the fixed text, as ESLint prints it.
      ...(result.output === undefined ? {} : {output: result.output}),
    })),
  ))}\n`
