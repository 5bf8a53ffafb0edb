/**
 * Bounds on a Markdown draft's shape, checked in one linear pass before
 * remark sees it. remark-parse (micromark) and mdast-util-to-nlcst cannot
 * promise linear time or bounded memory on every input:
 *
 * - nesting (`>` and list items) recurses: 5,000 nested `>` (5 kB) overflow
 *   the stack;
 * - a very long paragraph becomes one spread `push(...nodes)`: 494 kB in one
 *   paragraph, or `a\n` 125k times, overflow the stack;
 * - emphasis and link delimiters are resolved pairwise within a paragraph:
 *   `*a` repeated 64k times took 6 s, 250k over 120 s;
 * - every line ending is a token: `a` and 5 MiB of newlines took 4.6 GB;
 * - and the tree of a whole document takes about 300 MiB per MiB of text.
 *
 * So each is bounded, at sizes no real update comes near, and a draft over a
 * bound is refused with a LimitError naming the bound and where it is crossed,
 * rather than crashing or running for minutes. Plain text (.txt) has none of
 * these limits: it is parsed piece by piece (parse.ts).
 */

export class LimitError extends Error {
  override name = 'LimitError'
}

export const markdownLimits = {
  /** Characters in a Markdown draft: its tree is ~300 MiB per MiB, and peak memory stays under 400 MiB. */
  characters: 1024 * 1024,
  /** Lines, blank ones included. */
  lines: 100_000,
  /** Blockquote and list levels on one line. */
  depth: 32,
  /** Characters in one paragraph (lines between blank lines). */
  paragraph: 32 * 1024,
  /** Emphasis, code and link delimiter runs (`*`, `_`, `` ` ``, `[`, `]`, `<`) in one paragraph. */
  paragraphDelimiters: 256,
  /** The same in the whole draft, which bounds the pairwise work overall. */
  delimiters: 65_536,
} as const

function fail(line: number | undefined, problem: string, advice: string): never {
  throw new LimitError(`${line === undefined ? '' : `line ${line}: `}${problem}; ${advice}`)
}

const splitAdvice = 'split the draft, or lint it as plain text (.txt), which has no such limit'

/** The blockquote and list levels a line opens or continues, counted from its start. */
function depthOf(text: string, start: number, end: number): number {
  let depth = 0
  let i = start
  while (i < end) {
    const char = text[i]
    if (char === ' ' || char === '\t') {
      // Indentation continues a list item: two columns a level, the least a list item indents.
      let columns = 0
      while (i < end && (text[i] === ' ' || text[i] === '\t')) columns += text[i++] === '\t' ? 4 : 1
      depth += Math.floor(columns / 2)
      continue
    }
    if (char === '>') {
      depth++
      i++
      continue
    }
    if ((char === '-' || char === '*' || char === '+') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
      depth++
      i += 2
      continue
    }
    break
  }
  return depth
}

/** Throws a LimitError when `text` is over one of `markdownLimits`; linear in its length. */
export function checkMarkdownShape(text: string): void {
  const limits = markdownLimits
  if (text.length > limits.characters) {
    fail(undefined, `a Markdown draft of ${text.length} characters is over the ${limits.characters}-character limit for Markdown`, splitAdvice)
  }
  let line = 0
  let paragraphStart = -1
  let paragraphLine = 0
  let paragraphDelimiters = 0
  let delimiters = 0
  let previous = ''
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    line++
    if (line > limits.lines) fail(line, `over the ${limits.lines}-line limit for Markdown`, splitAdvice)
    const blank = text.slice(start, end).trim() === ''
    if (blank) paragraphStart = -1
    else {
      if (depthOf(text, start, end) > limits.depth) fail(line, `quotes or lists nest more than ${limits.depth} levels deep`, 'flatten the nesting')
      if (paragraphStart === -1) {
        paragraphStart = start
        paragraphLine = line
        paragraphDelimiters = 0
        previous = ''
      }
      if (end - paragraphStart > limits.paragraph) {
        fail(paragraphLine, `a paragraph longer than the ${limits.paragraph}-character limit for Markdown`, `add blank lines between paragraphs, or ${splitAdvice}`)
      }
      for (let i = start; i < end; i++) {
        const char = text[i]!
        // A run of the same delimiter counts once: `**` opens one strong emphasis.
        if ((char === '*' || char === '_' || char === '`' || char === '[' || char === ']' || char === '<') && !(char === previous && char !== '[' && char !== ']' && char !== '<')) {
          paragraphDelimiters++
          delimiters++
        }
        previous = char
      }
      if (paragraphDelimiters > limits.paragraphDelimiters) {
        fail(paragraphLine, `a paragraph with more than ${limits.paragraphDelimiters} emphasis, code or link markers (* _ \` [ ] <), which Markdown's parser pairs up in quadratic time`, `split the paragraph, or ${splitAdvice}`)
      }
      if (delimiters > limits.delimiters) {
        fail(line, `more than ${limits.delimiters} emphasis, code or link markers (* _ \` [ ] <) in one Markdown draft`, splitAdvice)
      }
    }
    previous = ''
    start = end + 1
  }
}
