/**
 * `lint()`: the one-call API for tool builders.
 */
import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import {type Processor, unified} from 'unified'
import {VFile} from 'vfile'
import {parseInChunks} from './engine/parse.ts'
import {type LiaisonOptions, liaison} from './liaison.ts'
import {assertText, processorCache} from './processors.ts'

export interface LintOptions extends LiaisonOptions {
  /** File path, used in messages and reports. */
  path?: string
}

type LintProcessor = Processor<Root, Root, Root, undefined, undefined>

const processorFor = processorCache(
  (options) => unified().use(retextEnglish).use(liaison, options).freeze() as unknown as LintProcessor,
)

/**
 * Lint one message. Resolves to a VFile whose `messages` hold the problems,
 * sorted by position, each with `ruleId`, `source: 'liaison'`, `url`,
 * `actual` and (where there is a better wording) `expected`.
 */
export async function lint(text: string, options: LintOptions = {}): Promise<VFile> {
  assertText('lint', text)
  const {path, ...rest} = options ?? {}
  const processor = processorFor(rest)
  const file = new VFile({value: text, path})
  const tree = parseInChunks(text, (value) => processor.parse(value))
  await processor.run(tree, file)
  return file
}
