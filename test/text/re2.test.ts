/** Loading re2js on demand (src/text/re2.ts), and what a pattern gets where it cannot load. */
import {describe, expect, it, vi} from 'vitest'
import {loadRe2} from '../../src/text/re2.ts'

describe('loadRe2', () => {
  it('requires re2js under Node, once', () => {
    const first = loadRe2()
    expect(first?.compile('^a+$').test('aaa')).toBe(true)
    expect(loadRe2()).toBe(first)
  })

  it('gives up where there is no Node module loader', () => {
    expect(loadRe2({})).toBeUndefined()
    expect(loadRe2({getBuiltinModule: () => undefined})).toBeUndefined()
  })
})

describe('a regular-expression pattern without re2js', () => {
  it('is a ConfigError that says why, while names and globs still work', async () => {
    vi.resetModules()
    vi.doMock('../../src/text/re2.ts', () => ({loadRe2: () => undefined}))
    const {compilePattern} = await import('../../src/text/patterns.ts')
    expect(() => compilePattern('no-internal-hostname', 'deny', '/^db\\d+$/')).toThrow(
      'Rule "no-internal-hostname": option "deny" pattern "/^db\\\\d+$/" is a regular expression, which needs Node here',
    )
    expect(compilePattern('no-internal-hostname', 'deny', 'db-*').test('db-1')).toBe(true)
    vi.doUnmock('../../src/text/re2.ts')
  })
})
