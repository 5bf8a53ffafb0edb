/**
 * The linter, loaded lazily: unified, the English parser and the rules are
 * most of the page's weight, so the editor and the counter come up first and
 * underlines appear once this chunk arrives.
 */
import {analyze, type LiaisonOptions, lint, type Phase} from '../../src/index.ts'
import type {Target} from './counter.ts'
import type {Problem} from './problems.ts'
import {teamSettings} from './team-settings.ts'

export interface Check {
  problems: Problem[]
  /** The phase the wording reads as, whatever phase was chosen. */
  detected: Phase | undefined
  /** What is wrong with the pasted config, if anything (the draft is checked without it). */
  configProblem: string | undefined
}

/** What the page's controls say, over the team's settings: a channel for max-length, or no length limit on a status page. */
function pageLayer(team: LiaisonOptions, target: Target): LiaisonOptions {
  if (target !== 'page') return {...team, channel: target}
  return {...team, rules: {...team.rules, 'max-length': 'off'}}
}

export async function check(text: string, target: Target, phase: Phase | undefined, config = ''): Promise<Check> {
  const team = teamSettings(config)
  const file = await lint(text, {...pageLayer(team.settings, target), ...(phase ? {phase} : {})})
  // Without the chosen phase, so that the badge shows what the wording reads as.
  const detected = analyze(text).phase
  const problems = file.messages.flatMap((message): Problem[] => {
    const place = message.place
    if (!place || !('start' in place)) return []
    return [
      {
        start: place.start.offset ?? 0,
        end: place.end.offset ?? place.start.offset ?? 0,
        ruleId: message.ruleId ?? 'liaison',
        messageId: message.messageId ?? '',
        severity: message.fatal ? 'error' : 'warning',
        reason: message.reason,
        note: message.note,
        url: message.url,
        actual: message.actual,
        expected: message.expected ?? [],
      },
    ]
  })
  return {problems, detected, configProblem: team.problem}
}
