/** src/settings.ts: the one place rule settings are layered, for the API, the command and templates alike. */
import {describe, expect, it} from 'vitest'
import {checkOptions, resolveSettings, RuleSettings, type SettingsLayer} from '../src/settings.ts'

describe('RuleSettings', () => {
  it('starts from a preset', () => {
    expect(new RuleSettings().get('require-next-update')).toEqual({severity: 0, options: undefined})
    expect(new RuleSettings('strict').get('require-next-update')).toEqual({severity: 2, options: undefined})
  })

  it('layers ESLint-style: a severity alone keeps the options, [severity, options] replaces them, a bare object is options at the default severity', () => {
    const settings = new RuleSettings().apply('max-length', ['warn', {limit: 200}])
    expect(settings.apply('max-length', 'error').get('max-length')).toEqual({severity: 2, options: {limit: 200}})
    expect(settings.apply('max-length', ['warn', {channel: 'sms'}]).get('max-length')).toEqual({severity: 1, options: {channel: 'sms'}})
    expect(settings.apply('max-length', {limit: 100}).get('max-length')).toEqual({severity: 2, options: {limit: 100}})
    expect(settings.apply('max-length', undefined).get('max-length')).toEqual({severity: 2, options: {limit: 100}})
    expect(settings.usePreset('strict').get('max-length')).toEqual({severity: 2, options: {limit: 100}})
  })

  it('sets a channel on the rules that have one, except where a layer chose its own; dropping a limit that belonged to another channel', () => {
    const settings = new RuleSettings().apply('max-length', ['error', {limit: 200}])
    expect(settings.useChannel('sms', {except: {'max-length': ['error', {channel: 'mastodon'}]}}).get('max-length').options).toEqual({limit: 200})
    expect(settings.useChannel('sms').get('max-length').options).toEqual({limit: 200, channel: 'sms'})
    expect(settings.useChannel('sms', {dropLimit: true}).get('max-length').options).toEqual({limit: 200, channel: 'sms'})
    expect(settings.useChannel('bluesky', {dropLimit: true}).get('max-length').options).toEqual({channel: 'bluesky'})
  })

  it('gives every rule in lint() form, an off rule without options', () => {
    const config = new RuleSettings().apply('max-length', ['off', {limit: 9}]).apply('no-speculation', ['error', {}]).toRulesConfig()
    expect(config['max-length']).toBe('off')
    expect(config['no-speculation']).toEqual(['error', {}])
    expect(config['require-next-update']).toBe('off')
  })

  it('names an unknown rule or severity', () => {
    expect(() => new RuleSettings().apply('max-lenght', 'error')).toThrow('Unknown rule "max-lenght" (did you mean "max-length"?)')
    expect(() => new RuleSettings().apply('max-length', 'eror')).toThrow('Rule "max-length": invalid severity "eror"')
    expect(() => new RuleSettings().get('nope')).toThrow('Unknown rule "nope"')
  })
})

describe('resolveSettings', () => {
  it('applies layers in order: preset, rules, then the channel the layer\'s own rules leave unset', () => {
    const resolved = resolveSettings([
      {preset: 'strict'},
      {rules: {'max-length': ['warn', {limit: 200}]}, channel: 'sms'},
      {rules: {'no-speculation': 'off', 'max-length': ['error', {channel: 'mastodon'}]}, channel: 'bluesky'},
    ])
    expect(resolved.preset).toBe('strict')
    expect(resolved.rules['max-length']).toEqual(['error', {channel: 'mastodon'}])
    expect(resolved.rules['no-speculation']).toBe('off')
    expect(resolved.rules['require-next-update']).toBe('error')
  })

  it('keeps a limit under a block\'s channel, drops one set with another channel under a template\'s', () => {
    const base: SettingsLayer = {rules: {'max-length': ['error', {channel: 'sms', limit: 100}]}}
    expect(resolveSettings([base, {channel: 'twitter'}]).rules['max-length']).toEqual(['error', {channel: 'twitter', limit: 100}])
    expect(resolveSettings([base, {channel: 'twitter', channelOwnsLimit: true}]).rules['max-length']).toEqual(['error', {channel: 'twitter'}])
  })

  it('merges placeholder widths name by name; the last phase and headline win; skips absent layers', () => {
    const resolved = resolveSettings([
      {placeholders: {widths: {component: 30}, defaultWidth: 10}, phase: 'investigating'},
      undefined,
      {placeholders: {widths: {status_url: 23}}, phase: 'resolved', headline: true},
    ])
    expect(resolved.placeholders).toEqual({widths: {component: 30, status_url: 23}, defaultWidth: 10})
    expect(resolved).toMatchObject({phase: 'resolved', headline: true})
  })

  it('is a layer itself: resolving resolved settings changes nothing', () => {
    const once = resolveSettings([{preset: 'strict', channel: 'sms', rules: {'no-speculation': 'warn'}}])
    expect(resolveSettings([once])).toEqual(once)
  })

  it('checks API options, naming the problem', () => {
    expect(() => checkOptions({channel: 'fax'})).toThrow('liaison: invalid channel "fax" (expected one of twitter, sms, mastodon, bluesky, statuspage, email)')
    expect(() => checkOptions({rules: 'strict'}, 'lint')).toThrow('lint: "rules" must be an object of rule ids to settings, got "strict"')
    expect(() => checkOptions({rules: {'max-length': 'eror'}})).toThrow('Rule "max-length": invalid severity "eror"')
  })
})

describe('channel', () => {
  it('is the same option in the API as in a config: max-length measures for it', async () => {
    const {lint} = await import('../src/index.ts')
    const text = `Checkout is failing for some customers. ${'We are rolling back the change. '.repeat(5)}Next update in 30 minutes.`
    const ids = async (channel?: 'sms' | 'email') => (await lint(text, channel ? {channel} : {})).messages.map((message) => message.ruleId)
    expect(await ids('sms')).toContain('max-length')
    expect(await ids('email')).not.toContain('max-length')
  })
})

describe('headline', () => {
  it('skips the rules scoped to a whole message, and only those', async () => {
    const {lint, rules} = await import('../src/index.ts')
    expect(rules.filter((rule) => rule.meta.scope === 'message').map((rule) => rule.meta.id)).toEqual(['require-impact', 'require-next-update'])
    const title = 'We think it is the database'
    const ids = async (headline: boolean) => (await lint(title, {preset: 'strict', headline})).messages.map((message) => message.ruleId)
    expect(await ids(false)).toEqual(['no-speculation', 'require-impact', 'require-next-update'])
    expect(await ids(true)).toEqual(['no-speculation'])
    await expect(lint(title, {headline: 'yes' as never})).rejects.toThrow('liaison: "headline" must be true or false, got "yes"')
  })
})
