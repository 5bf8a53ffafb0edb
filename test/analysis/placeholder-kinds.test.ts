/**
 * What a placeholder stands for, from its words and the label it fills,
 * whatever its syntax (src/analysis/placeholder-kinds.ts).
 */
import {describe, expect, it} from 'vitest'
import {placeholderKind} from '../../src/analysis/placeholder-kinds.ts'
import {findPlaceholders} from '../../src/text/mask.ts'

/** The kind of the last placeholder in `text`. */
function kindOf(text: string): string {
  return placeholderKind(findPlaceholders(text).at(-1)!.placeholder!)
}

describe('placeholder kinds', () => {
  it.each([
    ['impact', '[customer impact]'],
    ['impact', '[DESCRIBE CUSTOMER IMPACT]'],
    ['impact', '{IMPACT_SUMMARY}'],
    ['impact', '<what customers see>'],
    ['impact', '{{customerImpact}}'],
    ['impact', 'Impact: < … >'],
    ['impact', 'Affected: [features]'],
    ['impact', 'Current impact:\n- <who/what remains affected>'],
    ['impact', 'We are investigating reports of [issue].'],
    ['impact', 'Some users may see [residual effect].'],
    ['estimate', 'Service should be back within [how long].'],
    ['estimate', 'Estimated fix: <ETA>'],
    ['estimate', 'ETA: [if known]'],
    ['estimate', 'ETA [time] UTC'],
    ['estimate', '**Estimated time to resolution**: {ETR}'],
    ['next-update', 'Next update: [TIME]'],
    ['next-update', 'Next update by: <UTC timestamp>'],
    ['next-update', '[When we will share the next update.]'],
    ['next-update', '{{next_update_time}}'],
    ['time', 'We will post another update by <time>.'],
    ['time', 'Started: [Date/Time]'],
    ['time', 'Resolved at: <UTC timestamp>'],
    ['time', 'in [X minutes]'],
    ['number', 'in about [X] minutes'],
    ['other', '[Feature Name]'],
    ['other', '{ServiceName}'],
    ['other', 'Progress since last update: {ProgressSummary}'],
    ['other', 'Affected services: [List]'],
  ])('reads %s in %j', (kind, text) => {
    expect(kindOf(text)).toBe(kind)
  })

  it('decides once per placeholder', () => {
    const [mask] = findPlaceholders('[customer impact]')
    expect(placeholderKind(mask!.placeholder!)).toBe(placeholderKind(mask!.placeholder!))
  })
})
