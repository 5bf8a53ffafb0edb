/**
 * Property test: `lint()` with every rule on (preset strict) over messages
 * built from the rules' own lexicons and the engine's word lists, exact and
 * near-miss, with numbers, names, links, placeholders, emoji, right-to-left
 * text, control characters and lone surrogates mixed in. Invariants:
 * test/support/invariants.ts. Fixed seed, so a failure reproduces; the
 * counterexample it prints goes into `examples` below (and a fixture when a
 * rule's report was wrong).
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {message, phrases} from '../support/arbitraries.ts'
import {checkLint} from '../support/invariants.ts'

export const runs = 5400

describe('lint() on lexicon near-misses', () => {
  it('draws its words from the lexicons and the engine', () => {
    // Guards the data reading: a broken reader would fuzz with nothing.
    expect(phrases.length).toBeGreaterThan(1000)
    expect(phrases).toEqual(expect.arrayContaining(['we believe', 'next update', 'utc', 'db', 'internal']))
  })

  it(`keeps its invariants on ${runs} generated messages`, {timeout: 900_000}, async () => {
    await fc.assert(
      fc.asyncProperty(message(40), (text) => checkLint(text)),
      {
        seed: 0x11a150,
        numRuns: runs,
        examples: [
          // Found by this test: parseInChunks counted only LF as a line end, so after a lone CR
          // every later piece's line numbers were one short of parse-latin's and vfile-location's.
          ['\r0.0.0.0\n \n${'],
        ],
      },
    )
  })
})
