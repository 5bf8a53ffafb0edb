/**
 * Rules that read English (`languages: ['eng']`) stand aside on a message in
 * another language, and the file gets one note that says so; the
 * language-neutral rules still run. The same through lint(), the `liaison`
 * preset plugin and rule plugins used one by one.
 */
import {retext} from 'retext'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {lint} from '../../src/lint.ts'
import {liaison} from '../../src/liaison.ts'
import {rules} from '../../rules/index.ts'
import {loadFixtures} from '../support/fixtures.ts'
import {noInternalHostname} from '../../rules/no-internal-hostname.ts'
import {noSpeculation} from '../../rules/no-speculation.ts'
import {requireImpact} from '../../rules/require-impact.ts'
import {skippedMessageId} from '../../src/engine/skipped-note.ts'

const french = 'Le serveur db-primary-03 est indisponible. Nous pensons que la panne est liée à notre fournisseur, le service devrait être rétabli sous peu.'
const english = 'The server db-primary-03 is down. We think the outage is related to our provider; service should be restored shortly.'
// Incident rules never run on a single message (they read their updates' language themselves, see the fixtures).
const englishOnly = rules.filter((rule) => rule.meta.scope !== 'incident' && rule.meta.languages?.includes('eng')).map((rule) => rule.meta.id)

const notes = (messages: readonly VFileMessage[]) => messages.filter((message) => message.messageId === skippedMessageId)

describe('a message in another language', () => {
  it('runs the language-neutral rules and adds one info note naming the skipped ones', async () => {
    const file = await lint(french, {preset: 'strict'})
    const [note, ...more] = notes(file.messages)
    expect(more).toEqual([])
    expect(note).toMatchObject({fatal: undefined, ruleId: undefined, source: 'liaison', data: {language: 'fra', rules: englishOnly.join(', ')}})
    expect(note!.reason).toBe(
      `This message reads as French (fra), so the rules that read English wording did not run: ${englishOnly.join(', ')}. The other rules ran as usual.`,
    )
    const reported = new Set(file.messages.filter((message) => message !== note).map((message) => message.ruleId))
    expect(reported).toContain('no-internal-hostname')
    for (const id of englishOnly) expect(reported).not.toContain(id)
  })

  it('gets no note when no rule that reads English is on', async () => {
    const file = await lint(french, {rules: Object.fromEntries(englishOnly.map((id) => [id, 'off']))})
    expect(notes(file.messages)).toEqual([])
  })

  it('gets one note from the preset plugin, and one between rule plugins used one by one', async () => {
    const preset = await retext().use(liaison, {preset: 'strict'}).process(french)
    expect(notes(preset.messages)).toHaveLength(1)
    const separate = await retext().use(noSpeculation).use(noInternalHostname).use(requireImpact).process(french)
    const [note, ...more] = notes(separate.messages)
    expect(more).toEqual([])
    // Stamped by no rule, though each plugin ran through unified-lint-rule.
    expect(note).toMatchObject({ruleId: undefined, fatal: undefined, data: {language: 'fra', rules: 'no-speculation, require-impact'}})
    expect(note!.reason).toContain('did not run: no-speculation, require-impact.')
    expect(separate.messages.some((message) => message.ruleId === 'no-internal-hostname')).toBe(true)
  })
})

describe('an English message', () => {
  it('runs every rule and gets no note', async () => {
    const file = await lint(english, {preset: 'strict'})
    expect(notes(file.messages)).toEqual([])
    const reported = new Set(file.messages.map((message) => message.ruleId))
    for (const id of ['no-internal-hostname', 'no-speculation', 'no-resolution-estimate']) expect(reported).toContain(id)
  })

  it('is read as English when it is too short to tell', async () => {
    const file = await lint('Investigating.', {preset: 'strict'})
    expect(notes(file.messages)).toEqual([])
    expect(file.messages.some((message) => message.ruleId === 'require-impact')).toBe(true)
  })
})

describe('rule metadata', () => {
  // Which rules read English wording is each rule's own declaration; what is pinned here is that the
  // declaration is shown to hold: a rule that reads only English leaves a message in another language alone.
  it.each(rules.filter((rule) => rule.meta.languages !== undefined).map((rule) => [rule.meta.id, rule.meta.languages!] as const))(
    '%s leaves a message in another language alone, in its passing fixtures',
    (id, languages) => {
      const others = loadFixtures(id).passing.filter((c) => c.language !== undefined && !(languages).includes(c.language))
      expect(others.length).toBeGreaterThan(0)
    },
  )
})
