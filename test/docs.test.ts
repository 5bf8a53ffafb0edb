/**
 * Generated docs are current: the README's tables and lists, and each rule
 * doc's options and examples, read as scripts/generated-docs.ts renders them
 * now. Run `npm run docs` after changing rules, presets, exports or fixtures.
 */
import {describe, expect, it} from 'vitest'
import {generatedFiles, replaceSection} from '../scripts/generated-docs.ts'

const files = await generatedFiles()

describe('generated docs', () => {
  it.each(files.map((file) => [file.path, file] as const))('%s is current (run `npm run docs`)', (_, file) => {
    expect(file.before).toBe(file.after)
  })

  it('covers the README and every rule doc', () => {
    expect(files.map((file) => file.path)).toContain('README.md')
    expect(files.filter((file) => file.path.startsWith('rules/')).length).toBeGreaterThan(5)
  })

  it('refuses a file without its markers, or with a part twice, naming the file', () => {
    expect(() => replaceSection('no markers', 'rules', '', 'README.md')).toThrow('README.md: missing "<!-- liaison:rules -->"')
    const twice = '<!-- liaison:rules --><!-- /liaison:rules --><!-- liaison:rules -->'
    expect(() => replaceSection(twice, 'rules', '', 'README.md')).toThrow('appears twice')
  })
})
