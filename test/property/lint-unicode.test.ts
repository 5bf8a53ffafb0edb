/**
 * Property test: `lint()` (preset strict) over arbitrary UTF-16: any code
 * unit (lone and mispaired surrogates included), any code point, emoji
 * sequences, right-to-left text and bidi controls, control characters, with
 * lexicon words mixed in so rules have something to report.
 */
import fc from 'fast-check'
import {describe, it} from 'vitest'
import {unicodeMessage} from '../support/arbitraries.ts'
import {checkLint} from '../support/invariants.ts'

export const runs = 4500

describe('lint() on arbitrary UTF-16', () => {
  it(`keeps its invariants on ${runs} generated strings`, {timeout: 900_000}, async () => {
    await fc.assert(
      fc.asyncProperty(unicodeMessage(300), (text) => checkLint(text)),
      {
        seed: 0x5eed,
        numRuns: runs,
        examples: [['a\rb\n\nc'], ['\ud83d'], ['\udc00\ud800'], ['\u202eWe think db-01 is down\u202c'], ['🧑🏽‍🚀'.repeat(200)]],
      },
    )
  })
})
