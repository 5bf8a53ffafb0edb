/**
 * Shapes that once took quadratic time or more, or crashed, each at a size
 * where the old cost was minutes. No timed assertion (the machine is shared):
 * a regression shows as a test that does not finish within vitest's timeout.
 * Times and memory per size are measured by `npm run bench:limits`
 * (bench/limits.ts) and reported in docs/security.md.
 */
import {describe, expect, it} from 'vitest'
import {lintMarkdown} from '../../src/markdown.ts'
import {findLinks} from '../../src/text/links.ts'
import {checkMarkdownShape, LimitError} from '../../src/text/markdown-shape.ts'
import {extractCollection, maxCollectionCharacters, maxExpandedCharacters, TemplateError} from '../../src/templates/extract.ts'

describe('links', () => {
  // trimEnd searched the link again for each trailing ")": 5 MiB of them took 261 s.
  it('trims 5 MiB of closing parentheses after a URL in one pass', {timeout: 60_000}, () => {
    const url = 'https://status.example.com/a'
    const text = `${url}${')'.repeat(5 * 1024 * 1024)}`
    expect(findLinks(text)).toEqual([{start: 0, end: url.length, host: 'status.example.com', scheme: 'https'}])
  })

  it('still keeps the closing parentheses of a link that opens one (Wikipedia-style), as before', () => {
    const text = 'https://en.wikipedia.org/wiki/Mercury_(planet)).'
    expect(findLinks(text)[0]!.end).toBe(text.length - 1)
    expect(findLinks('https://example.com/a)).')[0]!.end).toBe('https://example.com/a'.length)
  })
})

describe('Markdown shapes remark cannot parse in linear time or bounded memory', () => {
  const MiB = 1024 * 1024
  it.each([
    ['5,000 nested >', `${'>'.repeat(5000)} a`, 'line 1: quotes or lists nest more than 32 levels deep'],
    ['lists nested 100 deep', `${'- '.repeat(100)}a`, 'line 1: quotes or lists nest more than 32 levels deep'],
    ['a 494 kB paragraph', 'word '.repeat(101_200), 'line 1: a paragraph longer than the 32768-character limit for Markdown'],
    ['a\\n 125k times', 'a\n'.repeat(125_000), 'line 1: a paragraph longer than the 32768-character limit'],
    ['a and 5 MiB of newlines', `a${'\n'.repeat(5 * MiB)}`, 'a Markdown draft of 5242881 characters is over the 1048576-character limit for Markdown'],
    ['150k blank-line pairs', 'a\n\n'.repeat(150_000).slice(0, 400_000), 'line 100001: over the 100000-line limit for Markdown'],
    ['*a 64k times', '*a'.repeat(64_000), 'line 1: a paragraph longer than the 32768-character limit'],
    ['*a 1,000 times', '*a'.repeat(1000), 'line 1: a paragraph with more than 256 emphasis, code or link markers'],
    ['[a][ 1,000 times', '[a]['.repeat(1000), 'line 1: a paragraph with more than 256 emphasis, code or link markers'],
    ['4 MiB of ordinary paragraphs', 'Checkout is failing for some customers.\n\n'.repeat(100_000), 'over the 1048576-character limit for Markdown'],
    ['80k emphasis markers in short paragraphs', 'Some *words* here.\n\n'.repeat(40_000), 'more than 65536 emphasis, code or link markers (* _ ` [ ] <) in one Markdown draft'],
  ])('%s: refused before parsing, naming the limit', async (_, text, message) => {
    await expect(lintMarkdown(text)).rejects.toThrow(LimitError)
    await expect(lintMarkdown(text)).rejects.toThrow(message)
  })

  it('leaves real drafts alone: links, emphasis, code, nested lists and quotes', {timeout: 60_000}, async () => {
    const paragraph = `**Update:** checkout is *slow* for some customers; see [the status page](https://status.example.com) and \`retry\`. `.repeat(12)
    const draft = `# Checkout\n\n${paragraph}\n\n- one\n  - two\n    - three\n\n> quoted\n> > twice\n\n${'Next update in 30 minutes.\n\n'.repeat(200)}`
    expect(() => checkMarkdownShape(draft)).not.toThrow()
    await expect(lintMarkdown(draft)).resolves.toBeDefined()
  })
})

describe('YAML aliases in template collections', () => {
  // An anchored 100 KB string referenced 1,500 times (a 109 KB file) took 52 s and 4 GB.
  it('refuse text repeated past the file size, before linting any of it', {timeout: 60_000}, async () => {
    const big = 'Checkout is failing for some customers. '.repeat(2_500)
    const yaml = `- body: &big ${JSON.stringify(big)}\n${'- body: *big\n'.repeat(1_500)}`
    expect(yaml.length).toBeLessThan(120_000)
    const extract = extractCollection(yaml, 'yaml', ['title', 'body'])
    await expect(extract).rejects.toThrow(TemplateError)
    await expect(extractCollection(yaml, 'yaml', ['title', 'body'])).rejects.toThrow(
      `YAML aliases repeat this text until the messages come to more than ${maxExpandedCharacters} characters`,
    )
  })

  it('resolve 20,000 aliases in one pass, and still accept short repeated values', {timeout: 60_000}, async () => {
    const yaml = `- title: &t Checkout is failing\n  body: &b Next update in 30 minutes.\n${'- {title: *t, body: *b}\n'.repeat(20_000)}`
    const messages = await extractCollection(yaml, 'yaml', ['title', 'body'])
    expect(messages).toHaveLength(40_002)
    expect(messages.at(-1)!.text).toBe('Next update in 30 minutes.')
  })
})

describe('YAML and JSON collections', () => {
  // yaml's document takes ~180 MiB per MiB: 4 MiB of templates peaked at 530 MiB.
  it.each(['yaml', 'json'] as const)('over 2 MiB (%s) are refused before parsing, naming the limit', async (kind) => {
    const body = JSON.stringify('Checkout is failing for some customers. Next update in 30 minutes.')
    const text = kind === 'json' ? `[${Array(40_000).fill(`{"body": ${body}}`).join(',')}]` : `- body: ${body}\n`.repeat(40_000)
    expect(text.length).toBeGreaterThan(maxCollectionCharacters)
    await expect(extractCollection(text, kind, ['body'])).rejects.toThrow(`a template collection of ${text.length} characters is over the 2097152-character limit; split it`)
    await expect(extractCollection(text.slice(0, 1000).replace(/,?\{[^}]*$/, kind === 'json' ? ']' : ''), kind, ['body'])).resolves.not.toHaveLength(0)
  })
})
