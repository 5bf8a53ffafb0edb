/** User-supplied name patterns: literal, `*` glob, or a regular expression checked for catastrophic backtracking. */
import {retext} from 'retext'
import {describe, expect, it} from 'vitest'
import {ConfigError} from '../../src/core/options.ts'
import {compilePattern, compilePatterns, maxNameLength} from '../../src/text/patterns.ts'
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

  // No clock in the assertion (the machine is shared): 40 stars over 100,000
  // characters is instant for a linear matcher and astronomically slow for a
  // backtracking one, so the test's timeout is the only guard needed.
  it('stay linear on adversarial input', {timeout: 600_000}, () => {
    const glob = compilePattern('probe', 'deny', `${'*a'.repeat(40)}*b`)
    expect(glob.test('a'.repeat(100_000))).toBe(false)
  })
})

describe('regular expressions', () => {
  it('compile with their flags', () => {
    const pattern = compilePattern('probe', 'deny', '/^shard\\d+$/i')
    expect(pattern.kind).toBe('regex')
    expect(pattern.test('SHARD12')).toBe(true)
    expect(pattern.test('shard')).toBe(false)
    expect(test('/^a.b$/s', 'a\nb')).toBe(true)
    expect(test('/^a.b$/', 'a\nb')).toBe(false)
    expect(test('/^b$/m', 'a\nb')).toBe(true)
    expect(test('/^b$/', 'a\nb')).toBe(false)
  })

  it.each([
    ['/^(?:ab)+$/', 'abab', 'aba'],
    ['/^(?:a|b|c)+$/', 'abc', 'abd'],
    ['/^(?<name>[a-z]+)-\\d{2}$/', 'db-01', 'db-1'],
    ['/^\\p{L}+$/u', 'héllo', 'h3llo'],
    ['/^[\\]a-z]+\\u{1F600}?$/u', 'a]b\u{1F600}', 'a]b\u{1F601}'],
    ['/^\\u0041\\x42$/', 'AB', 'ab'],
    ['/^a{2}b{1,3}(?:cd){0,1}$/', 'aabcd', 'abcd'],
    ['/^a+?b*?$/', 'aab', 'ba'],
    ['/^(?:x|Y)+$/i', 'XyXy', 'xz'],
    ['/^\\\\u0041$/', '\\u0041', 'A'],
    ['/shard/', 'db-shard-3', 'db-3'],
  ])('%s matches as JavaScript would (%s yes, %s no)', (source, yes, no) => {
    const body = source.slice(1, source.lastIndexOf('/'))
    const flags = source.slice(source.lastIndexOf('/') + 1)
    expect([new RegExp(body, flags).test(yes), new RegExp(body, flags).test(no)]).toEqual([true, false])
    expect([test(source, yes), test(source, no)]).toEqual([true, false])
  })

  // These backtrack exponentially or polynomially in JavaScript's engine; RE2 runs each in one pass.
  it.each([
    ['/^(a+)+$/', 'a', 'aaa'],
    ['/^(a|a)*$/', 'a', 'aaa'],
    ['/^(a|ab)+$/', 'a', 'aaba'],
    ['/^(\\w*\\s?)*$/', 'a', 'ab c'],
    ['/^\\w*\\w*\\w*\\w*\\w*\\w*\\w*$/', 'a', 'db01'],
    ['/.*a.*b.*c.*d.*e/', 'ab', 'a-b-c-d-e'],
  ])('accepts %s and matches the worst host names in one pass', (source, pump, match) => {
    const pattern = compilePattern('probe', 'deny', source)
    // A 162-character word took over 200 s in an installed package; a name of maxNameLength gets no further.
    expect(pattern.test(`${pump.repeat(Math.floor((maxNameLength - 1) / pump.length))}!`)).toBe(false)
    expect(pattern.test(match)).toBe(true)
  })

  it.each([
    ['/^[\\q{aa|a}]+$/v', 'has flag "v", which cannot be matched in guaranteed linear time'],
    ['/^[[a-z]--[aeiou]]+$/v', 'has flag "v"'],
    ['/^\\w*\\w*\\w*\\w*\\w*\\w*\\w*$/v', 'has flag "v"'],
    ['/(?<=x)y/', 'cannot be matched in guaranteed linear time (it uses lookaround)'],
    ['/y(?!z)/', 'cannot be matched in guaranteed linear time (it uses lookaround)'],
    ['/(a)\\1/', 'cannot be matched in guaranteed linear time (it uses a backreference)'],
    ['/(?<x>a)\\k<x>/', 'cannot be matched in guaranteed linear time (it uses a backreference)'],
    ['/^\\cJ$/', 'cannot be matched in guaranteed linear time (invalid escape sequence: `\\c`)'],
    // RE2 syntax that means something else to JavaScript: Unicode mode refuses it.
    ['/\\Aabc/', 'is not a valid regular expression (read in Unicode mode, as with the u flag): Invalid regular expression: /\\Aabc/u: Invalid escape'],
    ['/(?i)abc/', 'is not a valid regular expression'],
    ['/[[:alpha:]]/', 'is not a valid regular expression'],
    ['/a{x/', 'is not a valid regular expression'],
  ])('refuses %s, with the reason', (source, reason) => {
    const compile = () => compilePattern('no-internal-hostname', 'deny', source)
    expect(compile).toThrow(ConfigError)
    expect(compile).toThrow(`Rule "no-internal-hostname": option "deny" pattern ${JSON.stringify(source)} ${reason}`)
  })

  it('never tries a regex on more than a host name', () => {
    const pattern = compilePattern('no-internal-hostname', 'deny', '/^\\w*-\\w*$/')
    expect(pattern.test(`${'a'.repeat(maxNameLength - 3)}-01`)).toBe(true)
    expect(pattern.test(`${'a'.repeat(maxNameLength)}-01`)).toBe(false)
  })

  it('reject stateful flags, bad syntax and a missing closing slash', () => {
    expect(() => compilePattern('r', 'allow', '/a/g')).toThrow('Rule "r": option "allow" pattern "/a/g" has flag "g"; use only d, i, m, s or u')
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
    expect(configure({deny: ['/^[\\q{aa|a}]+$/v']})).toThrow(/^Rule "no-internal-hostname": option "deny" pattern "\/\^\[\\\\q\{aa\|a\}\]\+\$\/v" has flag "v"/)
    expect(configure({allow: ['/x/y']})).toThrow('Rule "no-internal-hostname": option "allow" pattern "/x/y" has flag "y"')
    expect(configure({internalDomains: ['corp acme']})).toThrow(
      'Rule "no-internal-hostname": option "internalDomains" value "corp acme" is not a domain name',
    )
  })
})
