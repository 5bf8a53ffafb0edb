/**
 * Every rule is complete: source, doc, fixtures (enough of them), a docs
 * URL that points at its doc, and a README entry. test/docs.test.ts checks
 * that the doc's generated parts are current.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.ts'
import {docsBase} from '../src/engine/rule.ts'
import {loadFixtures, root} from './support/fixtures.ts'

const readme = readFileSync(`${root}README.md`, 'utf8')
const minimum = 25

it('registers every rule file in rules/', () => {
  const files = readdirSync(`${root}rules`)
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => name.slice(0, -3))
  expect(rules.map((rule) => rule.meta.id).sort()).toEqual(files.sort())
})

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  it('has a kebab-case id, a description and a docs url', () => {
    expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/)
    expect(rule.meta.description.length).toBeGreaterThan(10)
    expect(rule.meta.url).toBe(`${docsBase}${id}.md`)
  })

  it(`has at least ${minimum} flagged and ${minimum} passing fixtures`, () => {
    const {flagged, passing} = loadFixtures(id)
    expect(flagged.length).toBeGreaterThanOrEqual(minimum)
    expect(passing.length).toBeGreaterThanOrEqual(minimum)
  })

  it('has a doc titled with its id', () => {
    const path = `${root}rules/${id}.md`
    expect(existsSync(path)).toBe(true)
    expect(readFileSync(path, 'utf8').startsWith(`# ${id}\n`)).toBe(true)
  })

  it('is listed in the README with a link to its doc', () => {
    expect(readme).toContain(`[\`${id}\`](rules/${id}.md)`)
  })
})
