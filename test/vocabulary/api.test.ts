/** Vocabularies and plugins through the API: lint(), lintMarkdown(), the liaison plugin, and the rule catalog. */
import {retext} from 'retext'
import {describe, expect, it} from 'vitest'
import {builtInCatalog, catalogFor} from '../../src/catalog.ts'
import {defineRule, type LiaisonPlugin, lint, type Vocabulary} from '../../src/index.ts'
import {liaison} from '../../src/liaison.ts'
import {lintMarkdown} from '../../src/markdown.ts'
import {RuleSettings} from '../../src/settings.ts'

const quiet = {'require-impact': 'off', 'require-next-update': 'off'} as const
const ids = (messages: Array<{ruleId?: string | null | undefined; actual?: string | null | undefined}>) => messages.map((m) => `${m.ruleId} ${m.actual}`)

const onCall = defineRule({
  id: 'acme/no-on-call',
  description: 'No on-call talk',
  severity: 'warn',
  recommended: true,
  messages: {found: 'Leave out "on call"'},
  options: {},
  create: () => ({doc, report}) => {
    const at = doc.text.indexOf('on call')
    if (at !== -1) report({messageId: 'found', start: at, end: at + 7})
  },
})
const acme: LiaisonPlugin = {rules: {'acme/no-on-call': onCall}, configs: {strict: {rules: {'acme/no-on-call': 'error'}}}}

describe('vocabulary in the API', () => {
  const vocabulary: Vocabulary = [{id: 'no-codenames', forbid: ['Project Falcon']}, {id: 'in-titles', forbid: ['outage'], scope: 'title'}]

  it('lint() runs it beside the built-in rules; settings and presets reach it', async () => {
    expect(ids((await lint('Project Falcon has an outage.', {vocabulary, rules: quiet})).messages)).toEqual(['no-codenames Project Falcon'])
    expect(ids((await lint('Project Falcon has an outage.', {vocabulary, headline: true})).messages)).toEqual(['no-codenames Project Falcon', 'in-titles outage'])
    expect((await lint('Project Falcon.', {vocabulary, rules: {...quiet, 'no-codenames': 'off'}})).messages).toEqual([])
    const [strict] = (await lint('Project Falcon.', {vocabulary, preset: 'strict', rules: quiet})).messages
    expect(strict).toMatchObject({ruleId: 'no-codenames', fatal: true})
  })

  it('two vocabularies with the same ids are two configurations', async () => {
    const other: Vocabulary = [{id: 'no-codenames', forbid: ['Hawk']}]
    expect(ids((await lint('Hawk and Project Falcon.', {vocabulary, rules: quiet})).messages)).toEqual(['no-codenames Project Falcon'])
    expect(ids((await lint('Hawk and Project Falcon.', {vocabulary: other, rules: quiet})).messages)).toEqual(['no-codenames Hawk'])
  })

  it('lintMarkdown(): inline comments know its ids', async () => {
    const text = '<!-- liaison-disable no-codenames -->\nProject Falcon is slow.\n<!-- liaison-enable no-codenames -->\nProject Falcon again.\n'
    expect(ids((await lintMarkdown(text, {vocabulary, rules: quiet})).messages)).toEqual(['no-codenames Project Falcon'])
    const typo = await lintMarkdown('<!-- liaison-disable no-codename -->\nText.\n', {vocabulary, rules: quiet})
    expect(typo.messages[0]!.reason).toContain('did you mean "no-codenames"')
  })

  it('the liaison plugin takes it too', async () => {
    const file = await retext().use(liaison, {vocabulary, rules: quiet}).process('Project Falcon.')
    expect(ids(file.messages)).toEqual(['no-codenames Project Falcon'])
  })

  it('a bad vocabulary is a ConfigError naming the rule', async () => {
    await expect(lint('x', {vocabulary: [{id: 'a', forbid: []}]})).rejects.toThrow('"vocabulary" rule "a": "forbid" must be a non-empty list of words or phrases, got a list')
    await expect(lint('x', {vocabulary: 'words.yml' as never})).rejects.toThrow('"vocabulary" must be a list of rules')
  })
})

describe('plugins in the API', () => {
  it('a plugin\'s rules are off until its config or a setting turns them on', async () => {
    const text = 'Our engineer on call is looking into it.'
    expect((await lint(text, {plugins: {acme}, rules: quiet})).messages).toEqual([])
    expect(ids((await lint(text, {plugins: {acme}, rules: {...quiet, 'acme/no-on-call': 'warn'}})).messages)).toEqual(['acme/no-on-call on call'])
    const [message] = (await lint(text, {plugins: {acme}, preset: ['recommended', 'acme/strict'], rules: quiet})).messages
    expect(message).toMatchObject({ruleId: 'acme/no-on-call', fatal: true, url: undefined})
    await expect(lint(text, {plugins: {acme}, preset: 'acme/strcit' as never})).rejects.toThrow('liaison: unknown preset "acme/strcit" (did you mean "acme/strict"?)')
  })

  it('a plugin config named first still starts every rule from recommended', () => {
    const settings = new RuleSettings('acme/strict', catalogFor(undefined, {acme}))
    expect(settings.get('acme/no-on-call').severity).toBe(2)
    expect(settings.get('no-speculation').severity).toBe(1)
  })

  it.each([
    [{acme: 3}, 'plugin "acme" must be an object with rules and configs (a rule package\'s exports), got 3'],
    [[acme], '"plugins" must be an object of plugins by the name the config calls them'],
    [{'Acme Rules': acme}, 'plugin name "Acme Rules" must be lower-case letters'],
    [{acme: {rules: 'all'}}, 'plugin "acme": "rules" must be a list of rules made with defineRule, or an object of them by id; got "all"'],
    [{acme: {rules: [{}]}}, 'plugin "acme": rules[0] is not a rule made with defineRule (expected a function with meta and definition, got an object)'],
    [{acme: {rules: {other: onCall}}}, 'plugin "acme": rules.other is the rule "acme/no-on-call"; list each rule under its own id'],
    [{acme: {configs: []}}, 'plugin "acme": "configs" must be an object of named settings'],
    [{acme: {configs: {strict: {rules: {}, preset: 'strict'}}}}, 'plugin "acme": configs.strict must be {rules: {rule-id: setting}}, got an object'],
    [{acme: {}}, 'plugin "acme" exports neither "rules" nor "configs"; a rule package exports rules made with defineRule'],
    [{acme, again: acme}, 'rule id "acme/no-on-call" of plugin "again" is already taken by plugin "acme"; give it another id'],
  ])('%j is refused', async (plugins, message) => {
    await expect(lint('x', {plugins: plugins as never})).rejects.toThrow(message)
  })

  it('a plugin\'s unknown rule in its config is an error when the config is used', async () => {
    const broken: LiaisonPlugin = {configs: {all: {rules: {'acme/nope': 'error'}}}}
    await expect(lint('x', {plugins: {broken}, preset: 'broken/all'})).rejects.toThrow('Unknown rule "acme/nope"')
  })
})

describe('the rule catalog', () => {
  it('is built once per vocabulary and plugins object', () => {
    const vocabulary: Vocabulary = [{id: 'a', forbid: ['x']}]
    expect(catalogFor()).toBe(builtInCatalog)
    expect(catalogFor(vocabulary)).toBe(catalogFor(vocabulary))
    const plugins = {acme}
    expect(catalogFor(vocabulary, plugins)).toBe(catalogFor(vocabulary, plugins))
    expect(catalogFor(vocabulary, plugins)).not.toBe(catalogFor(vocabulary))
    expect(catalogFor(undefined, plugins).ids.at(-1)).toBe('acme/no-on-call')
  })

  it('keeps a plugin rule\'s own url, and gives one without a url none', () => {
    const documented = defineRule({...onCall.definition, id: 'acme/documented', url: 'https://example.com/acme'})
    const catalog = catalogFor(undefined, {acme: {rules: [onCall, documented]}})
    expect(catalog.get('acme/documented')).toBe(documented)
    expect(catalog.get('acme/no-on-call')!.meta.url).toBeUndefined()
    expect(catalog.presets.strict['acme/documented']).toBe('off')
  })
})
