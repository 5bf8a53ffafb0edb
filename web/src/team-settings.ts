/**
 * A team's config pasted into the playground: a `.liaisonrc.json` as the
 * command reads it, of which the page applies what a browser can run,
 * its `preset`, `rules`, `channel`, `placeholders` and an inline
 * `vocabulary`. Parsed and checked once per text, so a vocabulary compiles
 * once, not on every keystroke in the draft. JSON only: a YAML parser
 * would double the page's weight (test/web/playground.test.ts budgets it).
 */
import type {LiaisonOptions} from '../../src/index.ts'
import {checkOptions} from '../../src/settings.ts'

export interface TeamSettings {
  settings: LiaisonOptions
  /** What is wrong with the pasted config; the draft is then checked without it. */
  problem?: string
}

/** Keys of a config file that only mean something to the command: which files, and where templates keep messages. */
const fileKeys = new Set(['name', 'files', 'ignores', 'templates'])
const applied = ['preset', 'extends', 'rules', 'channel', 'placeholders', 'vocabulary']

let last: {config: string; result: TeamSettings} | undefined

function read(config: string): TeamSettings {
  if (config.trim() === '') return {settings: {}}
  let value: unknown
  try {
    value = JSON.parse(config)
  } catch (error) {
    return {settings: {}, problem: `The config is not JSON (a .liaisonrc.json; YAML needs the command line): ${(error as Error).message}`}
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {settings: {}, problem: 'Paste one config object (a list of blocks for several folders needs the command line)'}
  }
  const settings: Record<string, unknown> = {}
  for (const [key, setting] of Object.entries(value)) {
    if (fileKeys.has(key)) continue
    if (key === 'plugins') return {settings: {}, problem: '"plugins" load packages, which only the command line can do'}
    if (key === 'vocabulary' && typeof setting === 'string') return {settings: {}, problem: `"vocabulary" names a file (${setting}): paste the list itself`}
    if (!applied.includes(key)) return {settings: {}, problem: `Unknown key "${key}"; the playground applies ${applied.join(', ')}`}
    settings[key === 'extends' ? 'preset' : key] = setting
  }
  try {
    checkOptions(settings, 'config')
  } catch (error) {
    return {settings: {}, problem: (error as Error).message}
  }
  return {settings}
}

export function teamSettings(config: string): TeamSettings {
  if (last?.config !== config) last = {config, result: read(config)}
  return last.result
}
