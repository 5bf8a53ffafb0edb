/**
 * `lintMarkdown()`: lint a Markdown draft. remark parses it, remark-retext
 * (bridge mode) hands the prose to retext-english + the liaison plugin, and
 * `<!-- liaison-… -->` comments then switch rules per region.
 *
 * Only prose reaches the wording rules: code blocks, inline code, HTML, link
 * and image targets are not sentences (mdast-util-to-nlcst leaves them out or
 * marks them as source), and every position points into the original file.
 * Where the code is goes to `file.data.code`, so rules whose finding matters
 * wherever customers read it (a host name, a stack trace) can read it through
 * `doc.codeSentences`.
 *
 * Kept out of `src/index.ts` so that linting plain text never loads remark;
 * published as `liaison/markdown`.
 */
import type {Code, InlineCode, Root} from 'mdast'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {catalogFor} from './catalog.ts'
import {commentControl} from './comment-control.ts'
import {liaison} from './liaison.ts'
import {assertText, checkLintOptions, processorCache, processorSettings} from './processors.ts'
import type {CodeSpan} from './text/code.ts'
import {checkMarkdownShape} from './text/markdown-shape.ts'
import {alignToSource} from './text/source-align.ts'
import {checkPlaceholders} from './text/placeholders.ts'
import type {LintOptions} from './lint.ts'


/** The code of an inline code or code block node: without its backticks, or its fence lines. */
function codeSpan(node: InlineCode | Code, text: string): CodeSpan | undefined {
  let start = node.position?.start.offset
  let end = node.position?.end.offset
  /* v8 ignore next -- @preserve remark-parse positions every node it parses */
  if (start === undefined || end === undefined) return undefined
  if (node.type === 'inlineCode') {
    while (text[start] === '`' && start < end) start++
    while (text[end - 1] === '`' && end > start) end--
    return {start, end, block: false}
  }
  const raw = text.slice(start, end)
  const fenced = /^[ \t]*(?:```|~~~)/.test(raw)
  if (fenced) {
    const firstBreak = raw.indexOf('\n')
    start = firstBreak === -1 ? end : start + firstBreak + 1
    const lastBreak = text.lastIndexOf('\n', end - 1)
    if (lastBreak >= start - 1 && /^[ \t>]*(?:```|~~~)/.test(text.slice(lastBreak + 1, end))) end = lastBreak
  }
  return {start, end: Math.max(start, end), block: true}
}

/** Records where the code is, before remark-retext turns the rest into prose. */
function recordCode() {
  return (tree: Root, file: VFile) => {
    const text = String(file.value)
    const spans: CodeSpan[] = []
    const visit = (node: Root | Root['children'][number]): void => {
      if (node.type === 'inlineCode' || node.type === 'code') {
        const span = codeSpan(node, text)
        if (span && span.end > span.start) spans.push(span)
      } else if ('children' in node) for (const child of node.children) visit(child)
    }
    visit(tree)
    file.data.code = spans
  }
}
const processorFor = processorCache((options) => {
  // Tokens back at their words first (see source-align.ts): every rule reads positions.
  const prose = unified().use(retextEnglish).use(() => alignToSource).use(liaison, options)
  return unified()
    .use(remarkParse)
    .use(recordCode)
    .use(remarkRetext, prose as never)
    .use(() => commentControl(catalogFor(options.vocabulary, options.plugins).ids))
    .freeze()
})

/**
 * Lint one Markdown message. Resolves to a VFile like `lint()`'s: messages
 * sorted by position, with `ruleId`, `source`, `url`, `actual`, `expected`.
 * Broken `liaison-…` comments are reported as errors without a `ruleId`.
 */
export async function lintMarkdown(text: string, options: LintOptions = {}): Promise<VFile> {
  assertText('lintMarkdown', text)
  // Before remark: its parser is not linear on every shape (see markdown-shape.ts).
  checkMarkdownShape(text)
  // Placeholders go to the file, not the processor: they vary per file, processors are shared.
  const {path, settings} = checkLintOptions(options)
  const {placeholders} = settings
  const processor = processorFor(processorSettings(settings))
  const file = new VFile({value: text, path})
  if (placeholders !== undefined) file.data.placeholders = checkPlaceholders(placeholders)
  const tree = processor.parse(file)
  await processor.run(tree, file)
  return file
}
