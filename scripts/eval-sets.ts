/**
 * The labelled evaluation sets on disk (see eval/README.md):
 *
 * - eval/devset.jsonl: real public updates collected for this project, with labels;
 * - eval/shared-corpus-labels.jsonl: labels by id for ../shared/corpus, whose
 *   texts stay outside the repository and are joined in here when present;
 * - eval/adversarial.jsonl: short cases written by the team.
 */
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Label, LabelledCase, ScoredRule} from './scoring.ts'

export const root = fileURLToPath(new URL('../', import.meta.url))
const evalDir = join(root, 'eval')
export const labelFiles = {
  devset: join(evalDir, 'devset.jsonl'),
  shared: join(evalDir, 'shared-corpus-labels.jsonl'),
  adversarial: join(evalDir, 'adversarial.jsonl'),
} as const

/** One row of a label file, as written (the schema is eval/labels.schema.json). */
export interface LabelRow {
  id: string
  source?: string
  company?: string
  phase?: string
  phaseFrom?: 'source' | 'wording'
  /** Adversarial cases: the pattern the case probes. */
  pattern?: string
  text?: string
  labels: Record<ScoredRule, Label>
  why?: Partial<Record<ScoredRule, string>>
}

export interface Located<T> {
  file: string
  line: number
  row: T
}

/** Rows of a JSON Lines file with their line numbers; a bad line is an error naming file and line. */
export function readJsonl<T>(file: string): Array<Located<T>> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((text, index) => {
      if (!text.trim()) return []
      try {
        return [{file, line: index + 1, row: JSON.parse(text) as T}]
      } catch (error) {
        throw new Error(`${file}:${index + 1}: not JSON (${(error as Error).message})`, {cause: error})
      }
    })
}

/**
 * ../shared/corpus (reference material kept beside the project, never in it):
 * the first ancestor of the project holding `shared/corpus`, so worktrees
 * under /work/wt/<branch> find /work/shared as /work/main does.
 */
export function findSharedCorpus(from: string = root): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'corpus', 'real-status-updates.jsonl')
    if (dir !== from && existsSync(candidate)) return candidate
    if (dirname(dir) === dir) return undefined
  }
}

export interface SharedEntry {
  id: string
  source: string
  company: string
  phase: string
  text: string
}

/** Shared-corpus labels joined with the corpus texts; every label must name a corpus message. */
export function joinShared(labels: Array<Located<LabelRow>>, corpus: SharedEntry[]): LabelledCase[] {
  const byId = new Map(corpus.map((entry) => [entry.id, entry]))
  return labels.map(({file, line, row}) => {
    const entry = byId.get(row.id)
    if (!entry) throw new Error(`${file}:${line}: "${row.id}" is not a message of the shared corpus`)
    return {id: row.id, text: entry.text, phase: entry.phase, labels: row.labels, ...(row.why ? {why: row.why} : {})}
  })
}

function toCase({row}: Located<LabelRow>): LabelledCase {
  return {id: row.id, text: row.text ?? '', ...(row.phase ? {phase: row.phase} : {}), labels: row.labels, ...(row.why ? {why: row.why} : {})}
}

/** The development set: devset rows, plus the shared-corpus labels when the corpus is beside the project. */
export function loadDevelopmentSet(shared = findSharedCorpus()): {cases: LabelledCase[]; sharedFound: boolean} {
  const own = readJsonl<LabelRow>(labelFiles.devset).map(toCase)
  if (!shared) return {cases: own, sharedFound: false}
  const corpus = readJsonl<SharedEntry>(shared).map(({row}) => row)
  return {cases: [...own, ...joinShared(readJsonl<LabelRow>(labelFiles.shared), corpus)], sharedFound: true}
}

export function loadAdversarialSet(): LabelledCase[] {
  return readJsonl<LabelRow>(labelFiles.adversarial).map(toCase)
}
