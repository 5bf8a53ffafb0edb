/**
 * What `liaison audit` reads: a file, a folder of incident files (cState's
 * `content/issues`), or a status page's address. Each source's incidents,
 * read by the adapters; a broken file in a folder is reported and the rest
 * still read, as `liaison` does with broken drafts.
 */
import {readdir, stat} from 'node:fs/promises'
import {extname, join, resolve} from 'node:path'
import {IncidentInputError, incidentExtensions, type IncidentFormat, readIncidentData, readIncidents} from '../../incident/adapters/index.ts'
import type {Incident} from '../../incident/types.ts'
import {CliError} from '../errors.ts'
import {displayPath} from '../paths.ts'
import {readDraft} from '../read.ts'
import {fetchIncidents, isAddress} from './fetch.ts'

export interface SourceOptions {
  cwd: string
  from: IncidentFormat | undefined
  maxBytes: number
  /** Milliseconds, for addresses. */
  timeout: number
}

export interface ReadSources {
  incidents: Incident[]
  /** One line per file that could not be read: the run goes on, and exits 2. */
  broken: string[]
  formats: Set<IncidentFormat>
}

const readable: readonly string[] = Object.values(incidentExtensions).flat()
/** Hugo's section pages (`_index.md`) list incidents; they are none. */
const notIncidents = new Set(['_index.md', '_index.markdown'])

/** Incident files under `folder`, sorted, skipping hidden folders and node_modules. */
async function filesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, {withFileTypes: true, recursive: true})
  return entries
    .filter((entry) => entry.isFile() && readable.includes(extname(entry.name).toLowerCase()) && !notIncidents.has(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !/[\\/](?:\.[^\\/]*|node_modules)[\\/]/.test(path.slice(folder.length)))
    .sort()
}

async function readFile(path: string, options: SourceOptions, out: ReadSources): Promise<void> {
  const name = displayPath(path, options.cwd)
  const draft = await readDraft(path, name, options.maxBytes)
  if (draft.binary !== undefined) throw new CliError(`${name}: binary (NUL byte at offset ${draft.binary}), not an incident file`)
  const read = readIncidents(draft.text, name, options.from)
  out.formats.add(read.format)
  for (const incident of read.incidents) out.incidents.push({...incident, source: path})
}

/** Every incident in the sources, in the order given (folders sorted by path). */
export async function readSources(sources: readonly string[], options: SourceOptions): Promise<ReadSources> {
  const out: ReadSources = {incidents: [], broken: [], formats: new Set()}
  for (const source of sources) {
    if (isAddress(source)) {
      if (options.from === 'cstate') throw new CliError(`${source}: --from cstate reads Markdown files; an address is read as Statuspage's API`)
      const {url, data} = await fetchIncidents(source, {timeout: options.timeout, maxBytes: options.maxBytes})
      const read = readIncidentData(data, url, options.from ?? 'statuspage')
      out.formats.add(read.format)
      out.incidents.push(...read.incidents)
      continue
    }
    const path = resolve(options.cwd, source)
    const found = await stat(path).catch(() => undefined)
    if (!found) throw new CliError(`${source}: no such file or folder`)
    if (!found.isDirectory()) {
      await readFile(path, options, out)
      continue
    }
    const files = await filesIn(path)
    if (files.length === 0) throw new CliError(`${source}: no incident files in this folder (${readable.join(', ')})`)
    for (const file of files) {
      try {
        await readFile(file, options, out)
      } catch (error) {
        if (!(error instanceof CliError || error instanceof IncidentInputError)) throw error
        out.broken.push(error.message)
      }
    }
  }
  return out
}
