/**
 * twitter-text's published v3 weighted-length cases (../shared/conformance,
 * beside the project; not part of it). Skipped with a reason when absent.
 */
import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {measure} from '../src/analysis/length.ts'

const path = new URL('../../shared/conformance/twitter-text-v3.json', import.meta.url)
const present = existsSync(path)

interface Case {
  description: string
  text: string
  weightedLength: number
  valid: boolean
}

describe.skipIf(!present)('twitter-text v3 conformance (../shared/conformance/twitter-text-v3.json)', () => {
  const cases = present ? (JSON.parse(readFileSync(path, 'utf8')) as Case[]) : []

  it('has the published cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(24)
  })

  it.each(cases.map((c) => [c.description, c] as const))('%s', (_, c) => {
    const result = measure(c.text, 'twitter')
    expect(result.length).toBe(c.weightedLength)
    expect(!result.invalid && result.length <= 280).toBe(c.valid)
  })
})

if (!present) {
  it.skip('twitter-text conformance: ../shared/conformance/twitter-text-v3.json not found beside the project', () => {})
}

describe('emoji newer than the published suite', () => {
  it.each([
    ['🧑🏽‍🚀', 2],
    ['🐦‍🔥', 2],
    ['🫨', 2],
    ['🇺🇦', 2],
    ['#️⃣', 2],
    ['©', 1],
    ['©️', 2],
  ])('%s weighs %i', (text, weight) => {
    expect(measure(text, 'twitter').length).toBe(weight)
  })
})
