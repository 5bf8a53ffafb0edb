/** recheck's second opinion on user patterns (src/text/redos.ts). */
import type * as Recheck from 'recheck'
import {describe, expect, it} from 'vitest'
import {ConfigError} from '../../src/core/options.ts'
import {compilePattern, maxNameLength} from '../../src/text/patterns.ts'
import {loadRecheck, maxDegree, recheckProblem, verdict} from '../../src/text/redos.ts'

const base = {source: 'x', flags: ''}
const attack = {pumps: [], suffix: '', base: 0, string: '', pattern: "'a'.repeat(31) + '!'"}
const vulnerable = (complexity: Recheck.VulnerableComplexity): Recheck.Diagnostics => ({
  ...base,
  status: 'vulnerable',
  checker: 'automaton',
  attack,
  complexity,
  hotspot: [],
})

describe('verdict', () => {
  it('refuses exponential and cubic or worse, accepts quadratic and safe', () => {
    expect(maxDegree).toBe(2)
    expect(verdict(vulnerable({type: 'exponential', summary: 'exponential', isFuzz: false}))).toBe(
      "recheck finds exponential backtracking, e.g. on 'a'.repeat(31) + '!'",
    )
    expect(verdict(vulnerable({type: 'polynomial', summary: '3rd degree polynomial', degree: 3, isFuzz: false}))).toContain('3rd degree polynomial')
    expect(verdict(vulnerable({type: 'polynomial', summary: '2nd degree polynomial', degree: 2, isFuzz: false}))).toBeUndefined()
    expect(verdict({...base, status: 'safe', checker: 'automaton', complexity: {type: 'linear', summary: 'linear', isFuzz: false}})).toBeUndefined()
  })

  it('defers to the shape check on syntax recheck does not know, and refuses what it could not decide', () => {
    expect(verdict({...base, status: 'unknown', error: {kind: 'invalid', message: 'unknown flag'}})).toBeUndefined()
    expect(verdict({...base, status: 'unknown', error: {kind: 'unsupported', message: 'x'}})).toBeUndefined()
    expect(verdict({...base, status: 'unknown', error: {kind: 'timeout'}})).toBe('recheck could not show it is safe (timeout)')
  })
})

describe('loadRecheck', () => {
  it('finds recheck under Node', () => {
    expect(typeof loadRecheck()).toBe('function')
  })

  it('gives up quietly outside Node or without the package', () => {
    expect(loadRecheck({})).toBeUndefined()
    expect(loadRecheck({getBuiltinModule: () => undefined})).toBeUndefined()
    const missing = () => ({
      createRequire: () => () => {
        throw new Error("Cannot find module 'recheck'")
      },
    })
    expect(loadRecheck({getBuiltinModule: missing})).toBeUndefined()
  })
})

describe('recheckProblem', () => {
  it('checks once per pattern and caches the verdict', () => {
    const first = recheckProblem('^\\w*\\w*\\w*$', '')
    expect(first).toMatch(/^recheck finds 3rd degree polynomial backtracking, e\.g\. on /)
    expect(recheckProblem('^\\w*\\w*\\w*$', '')).toBe(first)
    expect(recheckProblem('^shard\\d+$', 'i')).toBeUndefined()
    expect(recheckProblem('^[[a-z]--[aeiou]]+$', 'v')).toBeUndefined()
  })
})

describe('user patterns backed by recheck', () => {
  it.each(['/^\\w*\\w*\\w*$/', '/.*a.*b.*c/', '/^[a-z]*[a-z0-9]*[0-9]*$/'])('%s is a ConfigError naming rule, option and pattern', (source) => {
    const compile = () => compilePattern('no-internal-hostname', 'allow', source)
    expect(compile).toThrow(ConfigError)
    expect(compile).toThrow(`Rule "no-internal-hostname": option "allow" pattern ${JSON.stringify(source)} can backtrack catastrophically (recheck finds`)
  })

  it('accepts quadratic shapes, and never tries a regex on more than a host name', () => {
    const pattern = compilePattern('no-internal-hostname', 'deny', '/^\\w*-\\w*$/')
    expect(pattern.test('db-01')).toBe(true)
    expect(pattern.test(`${'a'.repeat(maxNameLength - 3)}-01`)).toBe(true)
    expect(pattern.test(`${'a'.repeat(maxNameLength)}-01`)).toBe(false)
  })

  it('accepts an escaped character after a class, as recheck does', () => {
    const pattern = compilePattern('no-internal-hostname', 'deny', '/^[a-z]+\\.corp$/')
    expect([pattern.test('db.corp'), pattern.test('dbxcorp')]).toEqual([true, false])
  })
})
