/**
 * `analyze()`: what liaison reads in a message besides its problems, for
 * tools that show it (the playground's phase badge and counter) without
 * running a rule to get at it. It builds the same doc `lint()` gives every
 * rule, so a tool and the rules never disagree on what a message says.
 */
import {VFile} from 'vfile'
import {type Channel, channels, type Measure, measure} from './analysis/length.ts'
import {isPhaseInput, type Phase, type PhaseInput, phaseInputNames, phaseOf} from './analysis/phase.ts'
import {findTimes, type TimeExpression} from './analysis/time/expressions.ts'
import {findPromises, type UpdatePromise} from './analysis/time/promises.ts'
import {ConfigError} from './core/options.ts'
import {buildDoc} from './engine/doc.ts'
import {assertText, parse} from './processors.ts'

/** Options of `analyze()`. */
export interface AnalyzeOptions {
  /** The phase, when known: reported back as given, instead of detected (status-page labels as `lint()` takes them). */
  phase?: PhaseInput
  /** The channel whose weighted length to measure (default `twitter`). */
  channel?: Channel
}

/** What `analyze()` returns: the phase, time expressions, update promises and length of a message. */
export interface Analysis {
  /** The phase given in the options, or else detected from the wording; undefined when nothing says. */
  phase: Phase | undefined
  phaseSource: 'given' | 'detected' | undefined
  /** Every time expression, left to right, with its offsets, kind and framing. */
  times: TimeExpression[]
  /** Every promise of a further update ("Next update in 30 minutes"), with the times that say when. */
  promises: UpdatePromise[]
  /** The weighted length for the channel, as `max-length` measures it. */
  length: Measure
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  assertText('analyze', text)
  const {phase, channel = 'twitter'} = options
  if (phase !== undefined && !isPhaseInput(phase)) {
    throw new ConfigError(`analyze: invalid phase ${JSON.stringify(phase)} (expected one of ${phaseInputNames.join(', ')})`)
  }
  if (!(channels as readonly string[]).includes(channel)) {
    throw new ConfigError(`analyze: invalid channel ${JSON.stringify(channel)} (expected one of ${channels.join(', ')})`)
  }
  const file = new VFile({value: text})
  const given = phase === undefined ? undefined : phaseOf(phase)
  if (given) file.data.phase = given
  const doc = buildDoc(file, parse)
  return {
    phase: doc.phase,
    phaseSource: doc.phaseSource,
    times: doc.sentences.flatMap((sentence) => findTimes(sentence)),
    promises: doc.sentences.flatMap((sentence) => findPromises(sentence)),
    length: measure(text, channel),
  }
}
