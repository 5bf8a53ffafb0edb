/** Phase detection from wording: markers, their strength, and wording that cancels them. */
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {lint} from '../../src/lint.ts'
import {ConfigError} from '../../src/core/options.ts'
import {detectPhase, isPhase, phaseOf, phaseSet, phases, readGivenPhase} from '../../src/analysis/phase.ts'
import {getDoc} from '../../src/engine/doc.ts'

const parser = unified().use(retextEnglish)

function detect(text: string) {
  const file = new VFile(text)
  return detectPhase(getDoc(parser.parse(file), file).sentences)
}

describe('detectPhase', () => {
  it.each([
    ['We are investigating delayed notifications.', 'investigating'],
    ['We are aware of reports of failed logins.', 'investigating'],
    ['We are experiencing elevated error rates.', 'investigating'],
    ['We have identified the cause and are working on a fix.', 'identified'],
    ['The issue has been identified and a fix is being implemented.', 'identified'],
    ['We are rolling back the release.', 'identified'],
    ['A fix has been deployed and we are monitoring the results.', 'monitoring'],
    ["We've rolled back a recent change and are monitoring.", 'monitoring'],
    ['We will continue to monitor.', 'monitoring'],
    ['Error rates are returning to normal.', 'monitoring'],
    ['This incident has been resolved.', 'resolved'],
    ['Resolved', 'resolved'],
    ['The fix has rolled out and things are back to normal.', 'resolved'],
    ['We identified the cause, deployed a fix, and the issue is resolved.', 'resolved'],
    ['Checkout is operating normally.', 'resolved'],
    ['All clear: we are closing this incident.', 'resolved'],
    ['Customers may have experienced failed payments between 14:00 and 15:00 UTC.', 'resolved'],
    ['The maintenance is now complete.', 'resolved'],
    ['Maintenance completed.', 'resolved'],
  ] as const)('%s → %s', (text, phase) => {
    expect(detect(text)).toBe(phase)
  })

  it.each([
    ['We will post an update once this is resolved.', undefined],
    ['We are investigating and will keep this page updated until the issue is resolved.', 'investigating'],
    ['The incident is not yet resolved; we are working on a fix.', 'identified'],
    ["The issue hasn't been resolved, and we are investigating.", 'investigating'],
    ['We expect the issue to be resolved shortly. We are investigating.', 'investigating'],
    ['Once resolved, we will share a summary. We are investigating.', 'investigating'],
    ['Services are recovering back to normal levels and we are monitoring.', 'monitoring'],
    ['We will continue monitoring until everything is fully restored.', 'monitoring'],
    ['We are investigating. This can be resolved by restarting the app.', 'investigating'],
    ['We have not yet identified the cause and are investigating.', 'investigating'],
    ['We will post an update once the maintenance is complete.', undefined],
  ] as const)('future or negated: %s → %s', (text, phase) => {
    expect(detect(text)).toBe(phase)
  })

  it('lets a strong marker outrank a partial state elsewhere in the update', () => {
    expect(detect('We are investigating failed logins. Other services are operating normally.')).toBe('investigating')
    expect(detect('Search is back to normal; we are still investigating delayed emails.')).toBe('resolved')
  })

  it('reads "monitoring" as a noun as no phase', () => {
    expect(detect('Our monitoring systems show delayed notifications.')).toBeUndefined()
    expect(detect('Please continue to monitor this page for updates.')).toBeUndefined()
  })

  it('returns undefined without any marker', () => {
    expect(detect('Notifications are delayed for some customers.')).toBeUndefined()
    expect(detect('')).toBeUndefined()
  })
})

describe('isPhase', () => {
  it('accepts the four phases only', () => {
    for (const phase of phases) expect(isPhase(phase)).toBe(true)
    expect(isPhase('update')).toBe(false)
    expect(isPhase(3)).toBe(false)
  })
})

describe('phaseOf and readGivenPhase', () => {
  const sentences = (text: string) => {
    const file = new VFile(text)
    return getDoc(parser.parse(file), file).sentences
  }

  it('takes labels as their phases, keeping maintenance for the wording', () => {
    expect([phaseOf('postmortem'), phaseOf('update'), phaseOf('maintenance'), phaseOf('verifying')]).toEqual(['resolved', undefined, 'maintenance', 'verifying'])
  })

  it('reads maintenance as completed once the work is finished, as scheduled otherwise, and a phase as itself', () => {
    expect(readGivenPhase('maintenance', sentences('The maintenance is now complete. Thanks for your patience.'))).toBe('completed')
    expect(readGivenPhase('maintenance', sentences('We will upgrade the database on Sunday at 02:00 UTC.'))).toBe('scheduled')
    expect(readGivenPhase('maintenance', sentences('We will post an update once the maintenance is complete.'))).toBe('scheduled')
    expect(readGivenPhase('in_progress', sentences('The maintenance is now complete.'))).toBe('in_progress')
  })

  it('is how lint() reads the label', async () => {
    const file = await lint('Maintenance completed.', {phase: 'maintenance', rules: {'require-impact': 'error'}})
    expect(file.messages).toEqual([])
    const notice = await lint('We will upgrade the database on Sunday.', {phase: 'maintenance', rules: {'require-impact': 'error'}})
    expect(notice.messages.map((message) => message.ruleId)).toEqual(['require-impact'])
  })
})

describe('phaseSet', () => {
  it('returns the phases a rule option lists', () => {
    expect([...phaseSet('some-rule', 'phases', ['monitoring', 'resolved', 'monitoring'])]).toEqual(['monitoring', 'resolved'])
  })

  it('names the rule, option and value of an unknown phase, with a suggestion for a near miss', () => {
    expect(() => phaseSet('require-impact', 'phases', ['investigating', 'resolve'])).toThrow(
      new ConfigError(
        'Rule "require-impact": option "phases" has unknown phase "resolve" (did you mean "resolved"?); expected any of investigating, identified, monitoring, resolved, scheduled, in_progress, verifying, completed',
      ),
    )
    expect(() => phaseSet('require-impact', 'phases', ['update'])).toThrow(
      'Rule "require-impact": option "phases" has unknown phase "update"; expected any of investigating, identified, monitoring, resolved, scheduled, in_progress, verifying, completed',
    )
  })

  it('is what require-impact uses to check its option', async () => {
    await expect(lint('We are investigating.', {rules: {'require-impact': ['warn', {phases: ['postmortem']}]}})).rejects.toThrow(ConfigError)
  })
})
