/** The bounds on a Markdown draft's shape (src/text/markdown-shape.ts), line by line. */
import {describe, expect, it} from 'vitest'
import {checkMarkdownShape, LimitError, markdownLimits} from '../../src/text/markdown-shape.ts'

const refuse = (text: string) => expect(() => checkMarkdownShape(text))

describe('checkMarkdownShape', () => {
  it('counts each blockquote, list marker and two columns of indentation as a level', () => {
    expect(markdownLimits.depth).toBe(32)
    refuse(`${'> '.repeat(32)}a`).not.toThrow()
    refuse(`${'> '.repeat(33)}a`).toThrow(LimitError)
    refuse(`${'+ '.repeat(20)}${'* '.repeat(13)}a`).toThrow('line 1: quotes or lists nest more than 32 levels deep')
    refuse(`a\n\n${'\t'.repeat(17)}b`).toThrow('line 3: quotes or lists nest')
    refuse(`${' '.repeat(64)}a`).not.toThrow()
    refuse('-a *b +c').not.toThrow()
  })

  it('measures paragraphs between blank lines, and names the line each starts on', () => {
    refuse(`intro\n\n${'x'.repeat(markdownLimits.paragraph)}`).not.toThrow()
    refuse(`intro\n\n${'x\n'.repeat(markdownLimits.paragraph / 2)}y`).toThrow('line 3: a paragraph longer than the 32768-character limit')
    refuse(`${'x'.repeat(20_000)}\n \t\n${'x'.repeat(20_000)}`).not.toThrow()
  })

  it('counts a run of the same emphasis or code marker once, and every bracket and angle bracket', () => {
    refuse('**a** '.repeat(128)).not.toThrow()
    refuse('**a** '.repeat(129)).toThrow('line 1: a paragraph with more than 256 emphasis, code or link markers')
    refuse('[]'.repeat(128)).not.toThrow()
    refuse(`${'[]'.repeat(128)}<`).toThrow(LimitError)
    refuse(`${'a'.repeat(10)}\n${'`a` '.repeat(257)}`).toThrow('line 1: a paragraph with more than 256')
  })
})
