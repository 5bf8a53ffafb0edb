/**
 * A note that is no rule's finding (vfile's info(): "the wording rules were
 * skipped on this French message") is shown in every format but is neither a
 * warning nor an error, so it never trips `--max-warnings 0` or exit 1.
 */
import {describe, expect, it} from 'vitest'
import {project, spawnBin} from './support.ts'

const french = 'Nous rencontrons actuellement des difficultés avec les paiements par carte. Nous enquêtons sur le problème et publierons une mise à jour dans 30 minutes.\n'

describe('info notes', () => {
  it('do not count as warnings: --max-warnings 0 still exits 0', () => {
    const dir = project({'drafts/fr.txt': french})
    const {code, stdout} = spawnBin(dir, ['drafts/fr.txt', '--max-warnings', '0', '--no-color'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/0:0 {2}info {2}This message reads as French/)
    expect(stdout).not.toContain('problem')
  })

  it('carry severity 0 in JSON, a notice in GitHub format and a note in SARIF', () => {
    const dir = project({'drafts/fr.txt': french})
    const json = JSON.parse(spawnBin(dir, ['drafts/fr.txt', '-f', 'json']).stdout) as Array<{messages: Array<{severity: number; messageId?: string}>; warningCount: number}>
    expect(json[0]!.warningCount).toBe(0)
    expect(json[0]!.messages.map((message) => message.severity)).toEqual([0])
    expect(spawnBin(dir, ['drafts/fr.txt', '-f', 'github']).stdout).toMatch(/^::notice file=drafts\/fr\.txt/)
    const sarif = JSON.parse(spawnBin(dir, ['drafts/fr.txt', '-f', 'sarif']).stdout) as {runs: Array<{invocations?: Array<{toolExecutionNotifications?: Array<{level: string}>}>}>}
    expect(JSON.stringify(sarif)).toContain('"level":"note"')
  })
})
