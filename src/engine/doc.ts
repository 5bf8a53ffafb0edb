/**
 * The doc every rule reads: the text walk (src/text/walk.ts) plus the
 * analysis rules share, cached per tree so ten rules cost one walk.
 *
 * It lives above both layers on purpose: the walk knows nothing of phases,
 * and phase detection matches a lexicon over walked words, so neither
 * imports the other.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {detectLanguage, type LanguageCode} from '../analysis/language.ts'
import {detectPhase, type GivenPhase, type Phase, readGivenPhase} from '../analysis/phase.ts'
import {type Walked, WalkedFile, type WalkedText, walkPieces, walkTree} from '../text/walk.ts'

/** What every rule reads: the message's text, sentences, words, links and masked spans, and its phase. */
export interface Doc extends WalkedText {
  /** Phase given by the caller (`file.data.phase`) or detected from the wording. */
  readonly phase: Phase | undefined
  readonly phaseSource: 'given' | 'detected' | undefined
  /**
   * The language of the prose, ISO 639-3 ("eng", "fra", "jpn"), or "und" when
   * the message is too short to tell. Rules that declare `languages` run only
   * on their languages ("und" counts as English).
   */
  readonly language: LanguageCode
}

declare module 'vfile' {
  interface DataMap {
    /** Phase of the message, when the caller knows it (options, front matter); `maintenance` leaves the status to the wording. */
    phase: GivenPhase
  }
}

class AnalysedFile extends WalkedFile implements Doc {
  readonly #given: GivenPhase | undefined
  #detected: {phase: Phase | undefined} | undefined
  #language: LanguageCode | undefined

  constructor(walked: Walked) {
    super(walked)
    this.#given = walked.file.data.phase
  }

  // Detection costs a pass: only rules that need the phase pay.
  get phase(): Phase | undefined {
    const given = this.#given
    if (given && given !== 'maintenance') return given
    this.#detected ??= {phase: given ? readGivenPhase(given, this.sentences) : detectPhase(this.sentences)}
    return this.#detected.phase
  }

  get phaseSource(): 'given' | 'detected' | undefined {
    return this.#given ? 'given' : this.phase ? 'detected' : undefined
  }

  // Read once per file, and only when a rule that reads a language is on.
  get language(): LanguageCode {
    return (this.#language ??= detectLanguage(this))
  }
}

const cache = new WeakMap<Root, Doc>()

/** The shared doc for `tree`, built on first use. */
export function getDoc(tree: Root, file: VFile): Doc {
  const cached = cache.get(tree)
  if (cached) return cached
  const doc = new AnalysedFile(walkTree(tree, file))
  cache.set(tree, doc)
  return doc
}

/**
 * The same doc as `getDoc(parseInChunks(text, parse), file)`, without ever
 * holding the whole tree (see `walkPieces`): `lint()` reads long files this way.
 */
export function buildDoc(file: VFile, parse: (value: string) => Root): Doc {
  return new AnalysedFile(walkPieces(file, parse))
}
