/**
 * `lintMarkdown()`: lint a Markdown draft. remark parses it, remark-retext
 * (bridge mode) hands the prose to retext-english + the liaison plugin, and
 * `<!-- liaison-… -->` comments then switch rules per region.
 *
 * Only prose is linted: code blocks, inline code, HTML, link and image
 * targets never reach the rules (mdast-util-to-nlcst leaves them out or marks
 * them as source), and every position points into the original file.
 *
 * Kept out of `src/index.ts` so that linting plain text never loads remark;
 * published as `liaison/markdown`.
 */
import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import retextEnglish from 'retext-english'
import {type Processor, unified} from 'unified'
import {VFile} from 'vfile'
import {rules} from '../rules/index.ts'
import {commentControl} from './comment-control.ts'
import {liaison} from './liaison.ts'
import {assertText, processorCache} from './processors.ts'
import {checkPlaceholders} from './text/placeholders.ts'
import type {LintOptions} from './lint.ts'

type MarkdownProcessor = Processor<Root, Root, Root, undefined, undefined>

const ruleIds = rules.map((rule) => rule.meta.id)
const processorFor = processorCache((options) => {
  const prose = unified().use(retextEnglish).use(liaison, options)
  return unified()
    .use(remarkParse)
    .use(remarkRetext, prose as never)
    .use(() => commentControl(ruleIds))
    .freeze() as unknown as MarkdownProcessor
})

/**
 * Lint one Markdown message. Resolves to a VFile like `lint()`'s: messages
 * sorted by position, with `ruleId`, `source`, `url`, `actual`, `expected`.
 * Broken `liaison-…` comments are reported as errors without a `ruleId`.
 */
export async function lintMarkdown(text: string, options: LintOptions = {}): Promise<VFile> {
  assertText('lintMarkdown', text)
  // Placeholders go to the file, not the processor: they vary per file, processors are shared.
  const {path, placeholders, ...rest} = options ?? {}
  const processor = processorFor(rest)
  const file = new VFile({value: text, path})
  if (placeholders !== undefined) file.data.placeholders = checkPlaceholders(placeholders)
  const tree = processor.parse(file)
  await processor.run(tree, file)
  return file
}
