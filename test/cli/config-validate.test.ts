/** The config's table of sections, checked in-process (the CLI tests spawn the command and read its errors). */
import {describe, expect, it} from 'vitest'
import {ShapeError} from '../../src/cli/config/problems.ts'
import {sections} from '../../src/cli/config/sections.ts'
import {checkConfig} from '../../src/cli/config/validate.ts'

describe('checkConfig', () => {
  it('skips a key a JavaScript config leaves undefined, as if it were not written', () => {
    expect(checkConfig({rules: undefined, channel: 'sms'})).toEqual({blocks: [{channel: 'sms'}], ignores: []})
  })

  it('reads the alias extends as preset, and lists a block\'s keys from the table', () => {
    expect(checkConfig([{extends: 'strict'}])).toEqual({blocks: [{preset: 'strict'}], ignores: []})
    const error = (() => {
      try {
        checkConfig({rulez: {}})
      } catch (caught) {
        return caught as ShapeError
      }
      return undefined
    })()
    expect(error).toBeInstanceOf(ShapeError)
    expect(error?.message).toBe(`unknown key "rulez" (did you mean "rules"?); a config has ${Object.keys(sections).join(', ')}`)
    expect(error?.path).toEqual(['rulez'])
  })

  it('moves a section\'s problem under its key and block', () => {
    expect(() => checkConfig([{}, {templates: {fields: {title: {'max-lenght': 'off'}}}}])).toThrow(
      expect.objectContaining({path: [1, 'templates', 'fields', 'title', 'max-lenght']}),
    )
  })
})
