/**
 * The public API is pinned: adding or removing an export is a deliberate
 * change to this list. Each rule is exported under its id in camel case
 * (rules/index.ts), so a new rule adds its name without a line here.
 */
import {execFileSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import * as api from '../src/index.ts'
import {root} from './support/fixtures.ts'

describe('public API', () => {
  it('exports exactly these names', () => {
    const ruleNames = api.rules.map((rule) => rule.meta.id.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()))
    expect(Object.keys(api).sort()).toEqual(
      [
        ...ruleNames,
        'ConfigError',
        'Lexicon',
        'analyze',
        'channels',
        'defineRule',
        'detectLanguage',
        'findPromises',
        'findTimes',
        'firstSentence',
        'firstTimedPromise',
        'liaison',
        'lint',
        'lintIncident',
        'maintenancePhases',
        'measure',
        'phaseLabels',
        'phases',
        'placeholderKind',
        'presets',
        'recommended',
        'rules',
        'strict',
      ].sort(),
    )
  })

  it('has no default export', () => {
    expect('default' in api).toBe(false)
  })

  it('works from a plain Node ESM script importing the built package by name', () => {
    const script = `
      import {lint} from 'liaison'
      const file = await lint('${'Checkout is failing for some customers. '.repeat(8)}')
      console.log(JSON.stringify(file.messages.map((m) => [m.ruleId, m.source])))
    `
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {cwd: root, encoding: 'utf8'})
    expect(JSON.parse(out)).toContainEqual(['max-length', 'liaison'])
  })
})
