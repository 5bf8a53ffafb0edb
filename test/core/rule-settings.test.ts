/** Rule configuration: severities, 'off', options, and errors that name the rule, value and expectation. */
import {retext} from 'retext'
import {describe, expect, it} from 'vitest'
import {ConfigError, liaison, lint, maxLength} from '../../src/index.ts'

const long = `${'Checkout is failing for some customers. '.repeat(8)}Next update in 30 minutes.`

async function run(setting: unknown) {
  const processor = retext().use(maxLength, setting as never)
  const file = await processor.process(long)
  return file.messages
}

describe('severity', () => {
  it.each([
    ['error', true],
    [2, true],
    [['error'], true],
    ['warn', false],
    [1, false],
    [['warn', {channel: 'twitter'}], false],
  ])('%j sets fatal to %s', async (setting, fatal) => {
    const messages = await run(setting)
    expect(messages).toHaveLength(1)
    expect(messages[0]!.fatal).toBe(fatal)
  })

  it.each(['off', 0, ['off'], ['off', {channel: 'sms'}]])('%j switches the rule off', async (setting) => {
    expect(await run(setting)).toEqual([])
  })

  it('uses the rule’s default severity when none is given', async () => {
    const messages = await run(undefined)
    expect(messages[0]!.fatal).toBe(maxLength.meta.severity === 'error')
  })

  it('reads a bare options object as options at the default severity', async () => {
    const messages = await run({channel: 'mastodon'})
    expect(messages).toEqual([])
  })

  it.each([
    ['eror', 'Rule "max-length": invalid severity "eror" (expected "off", "warn", "error", 0, 1 or 2)'],
    [3, 'Rule "max-length": invalid severity 3 (expected "off", "warn", "error", 0, 1 or 2)'],
    [['eror', {channel: 'sms'}], 'Rule "max-length": invalid severity "eror" (expected "off", "warn", "error", 0, 1 or 2)'],
    [[], 'Rule "max-length": expected [severity] or [severity, options], got an array of 0 items'],
    [['error', {}, 1], 'Rule "max-length": expected [severity] or [severity, options], got an array of 3 items'],
  ])('rejects %j', async (setting, message) => {
    await expect(run(setting)).rejects.toThrow(new ConfigError(message))
  })
})

describe('options', () => {
  it.each([
    [{channel: 'fax'}, 'Rule "max-length": option "channel" must be one of "twitter", "sms", "mastodon", "bluesky", "statuspage", "email", got "fax"'],
    [{limit: 0}, 'Rule "max-length": option "limit" must be an integer >= 1, got 0'],
    [{limit: 2.5}, 'Rule "max-length": option "limit" must be an integer >= 1, got 2.5'],
    [{limit: '280'}, 'Rule "max-length": option "limit" must be an integer >= 1, got "280"'],
    [{chanel: 'sms'}, 'Rule "max-length": unknown option "chanel" (known options: channel, limit)'],
  ])('rejects %j', async (options, message) => {
    await expect(run(['error', options])).rejects.toThrow(message)
  })

  it('rejects options that are not an object', async () => {
    await expect(run(['error', 'sms'])).rejects.toThrow('Rule "max-length": options must be an object, got "sms"')
  })
})

describe('liaison preset', () => {
  it('runs with retext().use(liaison)', async () => {
    const file = await retext().use(liaison).process(long)
    expect(file.messages.map((m) => m.ruleId)).toContain('max-length')
  })

  it('rejects unknown rules with a suggestion', async () => {
    await expect(lint('x', {rules: {'max-lenght': 'error'}})).rejects.toThrow('Unknown rule "max-lenght" (did you mean "max-length"?)')
    await expect(lint('x', {rules: {'no-such-thing-at-all': 'error'}})).rejects.toThrow(/^Unknown rule "no-such-thing-at-all"$/)
  })

  it('rejects unknown presets, phases and option keys', async () => {
    await expect(lint('x', {preset: 'lenient' as never})).rejects.toThrow('liaison: unknown preset "lenient" (expected "recommended" or "strict", or a list of them)')
    await expect(lint('x', {phase: 'fixed' as never})).rejects.toThrow(
      'liaison: invalid phase "fixed" (expected one of investigating, identified, monitoring, resolved, scheduled, in_progress, verifying, completed, postmortem, update, maintenance)',
    )
    await expect(lint('x', {rule: {}} as never)).rejects.toThrow('liaison: unknown option "rule" (known options: preset, rules, channel, phase, placeholders, headline, vocabulary, plugins)')
    await expect(lint('x', null as never)).resolves.toBeDefined()
  })

  it('takes status-page labels for the phase: postmortem as resolved, update as none given, maintenance as scheduled', async () => {
    const text = 'We think the database is overloaded. Service should be restored within the hour.'
    const reported = async (phase?: string) => (await lint(text, phase === undefined ? {} : {phase: phase as never})).messages.map((message) => message.ruleId)
    expect(await reported('postmortem')).toEqual(await reported('resolved'))
    expect(await reported('update')).toEqual(await reported())
    expect(await reported('maintenance')).toEqual(await reported('scheduled'))
    // The labels differ from each other, so the comparisons above can fail.
    expect(await reported('resolved')).not.toEqual(await reported('scheduled'))
    // `update` gives no phase: detection decides, and the file records none given.
    const file = await lint('We are investigating failed logins.', {phase: 'update'})
    expect(file.data.phase).toBeUndefined()
  })

  it('rejects a non-string text', async () => {
    await expect(lint(42 as never)).rejects.toThrow('lint() expects a string, got number')
  })
})
