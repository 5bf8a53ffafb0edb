/**
 * Property test: `lint()` (preset strict) over messages holding one very long
 * token (1,000 to 30,000 characters of dots, hyphens, digits, placeholders,
 * combining marks, surrogates…): the shapes that make tokenizers and regexes
 * blow up. Time is the bench's business (bench/run.ts, "Hostile input");
 * this checks the invariants at that size.
 */
import fc from 'fast-check'
import {describe, it} from 'vitest'
import {longMessage} from '../support/arbitraries.ts'
import {checkLint} from '../support/invariants.ts'

export const runs = 100

describe('lint() on very long tokens', () => {
  it(`keeps its invariants on ${runs} generated messages`, {timeout: 900_000}, async () => {
    await fc.assert(fc.asyncProperty(longMessage, (text) => checkLint(text)), {seed: 0x10e9, numRuns: runs})
  })
})
