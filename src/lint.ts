/**
 * `lint()`: the one-call API for tool builders.
 */
import type {Root} from 'nlcst'
import {VFile} from 'vfile'
import {parseInChunks} from './text/parse.ts'
import {buildDoc} from './engine/doc.ts'
import {createLinter} from './liaison.ts'
import type {LiaisonOptions} from './settings.ts'
import {assertText, checkLintOptions, parse, processorCache, processorSettings} from './processors.ts'
import {checkPlaceholders} from './text/placeholders.ts'

/** Options of `lint()` and `lintMarkdown()`: the plugin's, plus the file's path. */
export interface LintOptions extends LiaisonOptions {
  /** File path, used in messages and reports. */
  path?: string
}

/** The `liaison` plugin's rules and settings, without a unified pipeline around them (see below). */
const linterFor = processorCache(createLinter)

/**
 * Lint one message. Resolves to a VFile whose `messages` hold the problems,
 * sorted by position, each with `ruleId`, `source: 'liaison'`, `url`,
 * `actual` and (where there is a better wording) `expected`.
 */
// Async though nothing in it waits: a promise is the API, so bad input rejects rather than throws.
// eslint-disable-next-line @typescript-eslint/require-await
export async function lint(text: string, options: LintOptions = {}): Promise<VFile> {
  assertText('lint', text)
  // Placeholders go to the file, not the processor: they vary per file, processors are shared.
  const {path, settings} = checkLintOptions(options)
  const {placeholders} = settings
  const linter = linterFor(processorSettings(settings))
  const file = new VFile({value: text, path})
  if (placeholders !== undefined) file.data.placeholders = checkPlaceholders(placeholders)
  // What `unified().use(retextEnglish).use(liaison)` does, except that the
  // doc is built piece by piece and the whole tree is only parsed if a rule
  // asks for it: a 1 MiB file's tree alone takes ~120 MiB.
  let tree: Root | undefined
  linter.run(
    file,
    () => buildDoc(file, parse),
    /* v8 ignore next -- @preserve no built-in rule reads the tree; a check still may, like any RuleContext */
    () => (tree ??= parseInChunks(text, parse)),
  )
  return file
}
