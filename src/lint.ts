/**
 * `lint()`: the one-call API for tool builders. Processors are cached per
 * configuration, so compiled lexicons are reused across calls.
 */
import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import {type Processor, unified} from 'unified'
import {VFile} from 'vfile'
import {parseInChunks} from './engine/parse.ts'
import {type LiaisonOptions, liaison} from './liaison.ts'

export interface LintOptions extends LiaisonOptions {
  /** File path, used in messages and reports. */
  path?: string
}

type LintProcessor = Processor<Root, Root, Root, undefined, undefined>

const cache = new Map<string, LintProcessor>()
const cacheSize = 32

function processorFor(options: LiaisonOptions): LintProcessor {
  const key = JSON.stringify([options.preset, options.rules, options.phase])
  let processor = cache.get(key)
  if (!processor) {
    // freeze() runs the attachers, so a bad configuration throws before it is cached.
    processor = unified().use(retextEnglish).use(liaison, options).freeze() as unknown as LintProcessor
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!)
    cache.set(key, processor)
  }
  return processor
}

/**
 * Lint one message. Resolves to a VFile whose `messages` hold the problems,
 * sorted by position, each with `ruleId`, `source: 'liaison'`, `url`,
 * `actual` and (where there is a better wording) `expected`.
 */
export async function lint(text: string, options: LintOptions = {}): Promise<VFile> {
  if (typeof text !== 'string') throw new TypeError(`lint() expects a string, got ${text === null ? 'null' : typeof text}`)
  const {path, ...rest} = options ?? {}
  const processor = processorFor(rest)
  const file = new VFile({value: text, path})
  const tree = parseInChunks(text, (value) => processor.parse(value))
  await processor.run(tree, file)
  return file
}
