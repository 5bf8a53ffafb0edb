/**
 * Shapes that once took quadratic time or more, or crashed, each at a size
 * where the old cost was minutes. No timed assertion (the machine is shared):
 * a regression shows as a test that does not finish within vitest's timeout.
 * Times and memory per size are measured by `npm run bench:limits`
 * (bench/limits.ts) and reported in docs/security.md.
 */
import {describe, expect, it} from 'vitest'
import {findLinks} from '../../src/text/links.ts'

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
