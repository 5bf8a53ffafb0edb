/**
 * `lint()` and `lintMarkdown()` check their options on every call, not only
 * when they build a processor: a cached configuration must not let a bad one
 * through. Options that are not plain data are ConfigErrors naming where the
 * problem is, never a TypeError or a stack overflow from inside.
 */
import {describe, expect, it} from 'vitest'
import {ConfigError} from '../src/core/options.ts'
import {lint} from '../src/lint.ts'
import {lintMarkdown} from '../src/markdown.ts'

const cyclic: Record<string, unknown> = {limit: 5}
cyclic.self = cyclic
let deep: Record<string, unknown> = {}
for (let i = 0; i < 5000; i++) deep = {a: deep}

describe.each([
  ['lint', lint],
  ['lintMarkdown', lintMarkdown],
])('%s() options', (_, run) => {
  it.each([
    ['an unknown key', {rulez: {}}, 'liaison: unknown option "rulez"'],
    ['another unknown key', {foo: 'bar'}, 'liaison: unknown option "foo"'],
    ['a string', 'strict', 'liaison: options must be an object, got "strict"'],
    ['a number', 5, 'liaison: options must be an object, got 5'],
    ['an array', [], 'liaison: options must be an object, got []'],
    ['a boolean', true, 'liaison: options must be an object, got true'],
    ['a path that is not a string', {path: 5}, 'liaison: option "path" must be a string, got number'],
    ['a cycle', {rules: {'max-length': ['error', cyclic]}}, 'options.rules["max-length"][1].self refers back to an object that contains it (a cycle)'],
    ['a BigInt', {rules: {'max-length': ['error', {limit: 10n}]}}, 'options.rules["max-length"][1].limit is a BigInt (10n); use a number'],
    ['Infinity (limit: 1e400)', {rules: {'max-length': ['error', {limit: 1e400}]}}, 'options.rules["max-length"][1].limit is Infinity; use a finite number'],
    ['NaN', {rules: {'max-length': ['error', {limit: Number.NaN}]}}, 'options.rules["max-length"][1].limit is NaN'],
    ['5,000 levels of nesting', {rules: {'max-length': ['error', deep]}}, 'options.rules["max-length"][1] nests deeper than 32 levels'],
    ['a function', {rules: {'max-length': () => 'error'}}, 'options.rules["max-length"] is a function'],
    ['a class instance', {rules: {'max-length': ['error', {limit: new Date(0)}]}}, 'options.rules["max-length"][1].limit is a Date'],
    ['an unknown preset', {preset: 'stricter'}, 'liaison: unknown preset "stricter" (did you mean "strict"?)'],
    ['a preset that is not a string', {preset: 5}, 'liaison: unknown preset 5'],
    ['a vocabulary that is not a list', {vocabulary: 5}, '"vocabulary" must be a list of rules'],
    ['a vocabulary rule without terms, with a preset', {preset: 'strict', vocabulary: [{id: 'x'}]}, '"vocabulary" rule "x": needs exactly one of forbid, replace or pattern'],
    ['plugins that are not an object', {plugins: 5}, '"plugins" must be an object of plugins'],
  ])('refuse %s, even after a call that built the default processor', async (_, options, message) => {
    await run('Checkout is failing.')
    const call = run('Checkout is failing.', options as never)
    await expect(call).rejects.toThrow(ConfigError)
    await expect(run('Checkout is failing.', options as never)).rejects.toThrow(message)
  })

  // A built-in preset, vocabulary and plugins alone resolve once (src/processors.ts): the cached settings must lint as the full path does.
  it('lint with a built-in preset and a vocabulary alone as with the same checked in full', async () => {
    const text = 'We think the database is down. It should be fixed within the hour. Project Falcon is paused.'
    const vocabulary = [{id: 'no-codenames', forbid: ['project falcon']}]
    for (const stable of [{preset: 'strict'}, {preset: 'recommended'}, {vocabulary}, {preset: 'strict', vocabulary}] as const) {
      const reports = async (options: object) => (await run(text, options)).messages.map(({ruleId, fatal, place, reason}) => ({ruleId, fatal, place, reason}))
      const full = await reports({...stable, rules: {}})
      expect(full.length).toBeGreaterThan(1)
      expect(full.some((report) => report.ruleId === 'no-codenames')).toBe('vocabulary' in stable)
      expect(await reports(stable)).toEqual(full)
      expect(await reports({...stable, path: 'a.txt'})).toEqual(full)
    }
  })

  // Processors are shared by settings; placeholders go to the file, so one call's never reach the next.
  it('keep one call\'s placeholders out of the next call with the same settings', async () => {
    const text = 'Next update at {{time}}.'
    const widths = await run(text, {preset: 'strict', placeholders: {syntaxes: ['mustache'], defaultWidth: 500}})
    const plain = await run(text, {preset: 'strict'})
    expect(widths.messages.map((message) => message.ruleId)).toContain('max-length')
    expect(plain.messages.map((message) => message.ruleId)).not.toContain('max-length')
  })

  it('still accept no options, undefined, null, and a path', async () => {
    await expect(run('Checkout is failing.')).resolves.toBeDefined()
    await expect(run('Checkout is failing.', undefined)).resolves.toBeDefined()
    await expect(run('Checkout is failing.', null as never)).resolves.toBeDefined()
    expect((await run('Checkout is failing.', {path: 'a.txt', rules: {'max-length': ['error', {limit: 10}]}})).path).toBe('a.txt')
  })
})
