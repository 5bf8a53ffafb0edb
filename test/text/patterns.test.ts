/** User-supplied name patterns: literal, `*` glob, or a regular expression checked for catastrophic backtracking. */
import {retext} from 'retext'
import {describe, expect, it} from 'vitest'
import {ConfigError} from '../../src/core/options.ts'
import {compilePattern, compilePatterns, unsafeRegex} from '../../src/text/patterns.ts'
import {noInternalHostname} from '../../rules/no-internal-hostname.ts'

const test = (source: string, name: string) => compilePattern('probe', 'deny', source).test(name)

describe('literal names', () => {
  it('match whole names, ignoring case', () => {
    expect(compilePattern('probe', 'deny', 'Zeus').kind).toBe('literal')
    expect(test('Zeus', 'zeus')).toBe(true)
    expect(test('zeus', 'zeus-1')).toBe(false)
    expect(test('a.b', 'axb')).toBe(false)
  })
})

describe('globs', () => {
  it.each([
    ['cell-*', 'cell-eu3', true],
    ['cell-*', 'CELL-EU3', true],
    ['cell-*', 'cellular', false],
    ['*.corp', 'db.corp', true],
    ['*', 'anything', true],
    ['db-*-0*', 'db-primary-03', true],
    ['db-*-0*', 'db-primary-13', false],
    ['a*b*a', 'aba', true],
    ['ab*ba', 'aba', false],
    ['a*bc*d', 'abcd', true],
    ['a*bc*d', 'abdcd', false],
    ['x*y*z', 'xzy', false],
  ])('%s on %s is %s', (glob, name, expected) => {
    expect(compilePattern('probe', 'deny', glob).kind).toBe('glob')
    expect(test(glob, name)).toBe(expected)
  })

  it('stay linear on adversarial input', () => {
    const glob = compilePattern('probe', 'deny', `${'*a'.repeat(40)}*b`)
    const started = performance.now()
    expect(glob.test('a'.repeat(100_000))).toBe(false)
    expect(performance.now() - started).toBeLessThan(500)
  })
})

describe('regular expressions', () => {
  it('compile with their flags', () => {
    const pattern = compilePattern('probe', 'deny', '/^shard\\d+$/i')
    expect(pattern.kind).toBe('regex')
    expect(pattern.test('SHARD12')).toBe(true)
    expect(pattern.test('shard')).toBe(false)
  })

  it.each([
    '/^(?:ab)+$/',
    '/^(?:a|b|c)+$/',
    '/^(?:\\.|-)+$/',
    '/^(?<name>[a-z]+)-\\d{2}$/',
    '/(?<=x)y(?!z)(?<!w)(?=y)/',
    '/^\\p{L}+$/u',
    '/^[\\]a-z]+\\u{1F600}?$/u',
    '/^[[a-z]--[aeiou]]+$/v',
    '/^a{2}b{1,3}(?:cd){0,1}$/',
    '/^(?:a+)?$/',
    '/^a+?b*?$/',
    '/^(?:x|Y)+$/i',
    '/a{x/',
  ])('accepts %s', (source) => {
    expect(() => compilePattern('probe', 'deny', source)).not.toThrow()
  })

  it.each([
    ['/(a+)+$/', 'nested quantifier "(a+)+"'],
    ['/^(\\w*\\s?)*$/', 'nested quantifier'],
    ['/^(?:a?){2,}$/', 'nested quantifier'],
    ['/^((?:ab)+c)*$/', 'nested quantifier'],
    ['/^(a|a)*$/', 'quantified alternation whose branches can overlap "(a|a)*"'],
    ['/^(a|ab)+$/', 'overlap'],
    ['/^(?:x|X)+$/i', 'overlap'],
    ['/^(\\d|\\w)+$/', 'overlap'],
    ['/^(a|)+$/', 'overlap'],
    ['/^(a|b){3}$/', undefined],
    ['/(a)\\1/', 'backreference "\\1…"'],
    ['/(?<x>a)\\k<x>/', 'backreference "\\k…"'],
    ['/\\2/', 'backreference "\\2…"'],
  ])('%s: %s', (source, reason) => {
    const body = source.slice(1, source.lastIndexOf('/'))
    if (reason === undefined) return expect(unsafeRegex(body)).toBeUndefined()
    expect(unsafeRegex(body, source.slice(source.lastIndexOf('/') + 1))).toContain(reason)
    const compile = () => compilePattern('no-internal-hostname', 'deny', source)
    expect(compile).toThrow(ConfigError)
    expect(compile).toThrow(`Rule "no-internal-hostname": option "deny" pattern ${JSON.stringify(source)} can backtrack catastrophically`)
  })

  it('read a trailing backslash as the end of the source', () => {
    expect(unsafeRegex('a\\')).toBeUndefined()
  })

  it('reject stateful flags, bad syntax and a missing closing slash', () => {
    expect(() => compilePattern('r', 'allow', '/a/g')).toThrow('Rule "r": option "allow" pattern "/a/g" has flag "g"')
    expect(() => compilePattern('r', 'allow', '/a(/')).toThrow(/pattern "\/a\(\/" is not a valid regular expression/)
    expect(() => compilePattern('r', 'allow', '/var')).toThrow('has no closing "/"')
    expect(() => compilePattern('r', 'allow', '/a/g')).toThrow(ConfigError)
  })
})

describe('lists', () => {
  it('look up literals in a set and try the rest in order', () => {
    const list = compilePatterns('probe', 'deny', ['zeus', 'ZEUS', 'cell-*', '/^shard\\d+$/'])
    expect(list.size).toBe(4)
    expect(list.match('Zeus')?.source).toBe('zeus')
    expect(list.match('cell-2')?.kind).toBe('glob')
    expect(list.match('shard7')?.kind).toBe('regex')
    expect(list.match('hera')).toBeUndefined()
  })

  it('fail when the rule is configured, naming rule, option and pattern', () => {
    const configure = (options: Record<string, unknown>) => () => retext().use(noInternalHostname, ['error', options]).freeze()
    expect(configure({deny: ['/(a+)+$/']})).toThrow(/^Rule "no-internal-hostname": option "deny" pattern "\/\(a\+\)\+\$\/" can backtrack/)
    expect(configure({allow: ['/x/y']})).toThrow('Rule "no-internal-hostname": option "allow" pattern "/x/y" has flag "y"')
    expect(configure({internalDomains: ['corp acme']})).toThrow(
      'Rule "no-internal-hostname": option "internalDomains" value "corp acme" is not a domain name',
    )
  })
})
