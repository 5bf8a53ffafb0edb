/** analyze(): the phase, times, promises and length of a message, as the rules see them. */
import {describe, expect, it} from 'vitest'
import {analyze, ConfigError} from '../src/index.ts'

describe('analyze', () => {
  it('reads the phase from the wording, or takes the one given', () => {
    const text = 'A fix has been deployed and we are monitoring the results.'
    expect(analyze(text)).toMatchObject({phase: 'monitoring', phaseSource: 'detected'})
    expect(analyze(text, {phase: 'resolved'})).toMatchObject({phase: 'resolved', phaseSource: 'given'})
    expect(analyze('Hello.')).toMatchObject({phase: undefined, phaseSource: undefined})
  })

  it('finds time expressions and update promises with their offsets', () => {
    const text = 'Logins have failed since 14:02 UTC. Next update in 30 minutes.'
    const {times, promises} = analyze(text)
    expect(times.map((time) => [time.text, time.kind, time.frame])).toEqual([
      ['since 14:02 UTC', 'clock', 'fact'],
      ['in 30 minutes', 'duration', 'ahead'],
    ])
    expect(promises.map((promise) => [text.slice(promise.start, promise.end), promise.times.map((time) => time.text)])).toEqual([
      ['Next update', ['in 30 minutes']],
    ])
  })

  it('measures the length for a channel', () => {
    expect(analyze('Checkout is failing.').length).toMatchObject({channel: 'twitter', length: 20, limit: 280})
    expect(analyze('Checkout is failing.', {channel: 'sms'}).length).toMatchObject({channel: 'sms', limit: 160})
  })

  it('takes status-page labels as the phases they stand for', () => {
    const text = 'We are investigating failed logins.'
    expect(analyze(text, {phase: 'postmortem'})).toMatchObject({phase: 'resolved', phaseSource: 'given'})
    expect(analyze(text, {phase: 'maintenance'})).toMatchObject({phase: 'scheduled', phaseSource: 'given'})
    expect(analyze(text, {phase: 'update'})).toMatchObject({phase: 'investigating', phaseSource: 'detected'})
  })

  it('reads the label maintenance as completed when the wording says the work is finished, else as scheduled', () => {
    expect(analyze('Our maintenance has finished. Thanks for waiting.', {phase: 'maintenance'})).toMatchObject({phase: 'completed', phaseSource: 'given'})
    expect(analyze('Maintenance completed successfully.', {phase: 'maintenance'})).toMatchObject({phase: 'completed', phaseSource: 'given'})
    expect(analyze('We will share a note once the maintenance is complete.', {phase: 'maintenance'})).toMatchObject({phase: 'scheduled', phaseSource: 'given'})
    // A status given as such is kept, whatever the wording says.
    expect(analyze('Maintenance completed successfully.', {phase: 'scheduled'})).toMatchObject({phase: 'scheduled', phaseSource: 'given'})
  })

  it('rejects bad input, naming it', () => {
    expect(() => analyze(42 as never)).toThrow('analyze() expects a string, got number')
    expect(() => analyze('x', {phase: 'fixed' as never})).toThrow(new ConfigError('analyze: invalid phase "fixed" (expected one of investigating, identified, monitoring, resolved, scheduled, in_progress, verifying, completed, postmortem, update, maintenance)'))
    expect(() => analyze('x', {channel: 'fax' as never})).toThrow('analyze: invalid channel "fax" (expected one of twitter, sms, mastodon, bluesky, statuspage, email)')
  })
})
