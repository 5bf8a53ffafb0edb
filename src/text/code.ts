/**
 * Code the prose walk leaves out: in Markdown, inline code and code blocks
 * never become words (mdast-util-to-nlcst marks inline code as source and
 * drops code blocks), which is right for wording rules. But customers read
 * a server name or a stack trace in code just the same, so a processor that
 * knows where code is (`lintMarkdown`) records the spans in
 * `file.data.code`, and the doc parses them into sentences only when a rule
 * asks (`doc.codeSentences`). In plain text, backtick spans are words of the
 * prose already (masked as literal) and `file.data.code` is unset.
 */
import type {Root} from 'nlcst'
import {parseEnglish} from './english.ts'

export interface CodeSpan {
  /** The code itself, without backticks or fences. */
  start: number
  end: number
  /** A code block (fenced or indented) rather than inline code. */
  block: boolean
}

declare module 'vfile' {
  interface DataMap {
    /** Code the parser kept out of the prose, earliest first (set by `lintMarkdown`). */
    code: CodeSpan[]
  }
}

/** The same English parser `lint()` uses. */
export function parseCode(value: string): Root {
  return parseEnglish(value)
}
