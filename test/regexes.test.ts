/**
 * Every regular expression the project ships is checked by recheck, an
 * automaton and fuzzing ReDoS checker, with a fixed seed (recheck's
 * `randomSeed: 0`), so the verdict is the same on every machine. The list is
 * not kept by hand: test/support/source-scan.ts reads every .ts file under
 * src/ and rules/ with the TypeScript compiler (regex literals and `RegExp`
 * calls with literal arguments), plus any `/…/flags` string in rules/*.json.
 * Shipped regexes must be linear: they run on whole messages, so not even
 * quadratic backtracking is allowed. (User patterns never reach the
 * backtracking engine: src/text/patterns.ts matches them with re2js.)
 */
import {readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import type * as Recheck from 'recheck'
import {describe, expect, it} from 'vitest'
import {root} from './support/fixtures.ts'
import {type FoundRegex, findRegexes, jsonStrings} from './support/source-scan.ts'

const {checkSync} = createRequire(import.meta.url)('recheck') as typeof Recheck
/**
 * Fixed seed: the same regex gets the same verdict on every machine. No
 * timeout: recheck's is wall-clock time, so on a loaded machine a safe regex
 * came back "unknown: timeout" (no-internal-detail's SQL patterns at load 20).
 * recheck's own step limits still end every check.
 */
const recheckParams = {randomSeed: 0, timeout: null} as const

/** Strings in the rules' data that are written as regexes, `/source/flags`. */
function dataRegexes(): FoundRegex[] {
  const found: FoundRegex[] = []
  for (const name of readdirSync(join(root, 'rules')).filter((file) => file.endsWith('.json'))) {
    for (const {value} of jsonStrings(JSON.parse(readFileSync(join(root, 'rules', name), 'utf8')))) {
      const match = /^\/(.+)\/([dgimsuvy]*)$/s.exec(value)
      if (match) found.push({where: `rules/${name}`, source: match[1]!, flags: match[2]!})
    }
  }
  return found
}

const shipped = [...findRegexes(), ...dataRegexes()]

describe(`the ${shipped.length} regular expressions in src/ and rules/`, () => {
  it('are found by reading the source', () => {
    // A broken scan would pass vacuously.
    expect(shipped.length).toBeGreaterThan(50)
    expect(shipped.map((regex) => regex.where)).toEqual(expect.arrayContaining([expect.stringMatching(/^src\/analysis\/time\/vocabulary\.ts:\d+$/)]))
  })

  it('all pass recheck as safe (seed 0)', {timeout: 900_000}, () => {
    const problems: string[] = []
    for (const {where, source, flags} of shipped) {
      expect(() => new RegExp(source, flags), `${where}: /${source}/${flags}`).not.toThrow()
      const result = checkSync(source, flags, recheckParams)
      if (result.status === 'safe') continue
      const why = result.status === 'vulnerable' ? `${result.complexity.summary}, e.g. ${result.attack.pattern}` : `unknown: ${result.error.kind}`
      problems.push(`${where}: /${source}/${flags} is ${why}`)
    }
    expect(problems).toEqual([])
  })
})
