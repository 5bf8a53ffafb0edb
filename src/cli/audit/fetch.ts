/**
 * A status page's history over HTTP: Statuspage serves every page's recent
 * incidents at `/api/v2/incidents.json`. The request has a timeout and the
 * answer a size limit, counted as it arrives, and every way it can fail (no
 * answer, not found, not JSON, JSON of another shape) says which page and
 * what to try instead.
 */
import {CliError} from '../errors.ts'
import {formatSize} from '../read.ts'

export interface FetchLimits {
  /** Milliseconds for the whole exchange, answer included. */
  timeout: number
  /** Bytes; a longer answer is an error. */
  maxBytes: number
}

/** Whether a command-line source is an address to fetch rather than a path. */
export function isAddress(source: string): boolean {
  return /^https?:\/\//i.test(source)
}

/** The API address for a status page: the page's own address, or an address of a `.json` file as given. */
export function incidentsUrl(source: string): URL {
  let url: URL
  try {
    url = new URL(source)
  } catch {
    throw new CliError(`${source}: not a valid address`)
  }
  if (url.pathname.endsWith('.json')) return url
  // Trailing slashes dropped by a loop: `/\/+$/` backtracks quadratically on a long run of them.
  let path = url.pathname
  while (path.endsWith('/')) path = path.slice(0, -1)
  url.pathname = `${path}/api/v2/incidents.json`
  url.search = ''
  url.hash = ''
  return url
}

const notStatuspage = 'it does not look like a Statuspage site; for another status tool, save its history to a file and run liaison audit on that'

async function readLimited(response: Response, url: URL, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes) throw new CliError(`${url.href}: the answer is ${formatSize(declared)}, over the ${formatSize(maxBytes)} limit (--max-file-size)`)
  const chunks: Uint8Array[] = []
  let total = 0
  /* v8 ignore next -- @preserve a 200 answer always has a body stream in Node's fetch */
  if (!response.body) return ''
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.length
    if (total > maxBytes) throw new CliError(`${url.href}: the answer is over the ${formatSize(maxBytes)} limit (--max-file-size)`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The parsed JSON at the page's incidents address, and the address it came from. */
export async function fetchIncidents(source: string, limits: FetchLimits): Promise<{url: string; data: unknown}> {
  const url = incidentsUrl(source)
  const signal = AbortSignal.timeout(limits.timeout)
  let text: string
  try {
    const response = await fetch(url, {signal, headers: {accept: 'application/json'}, redirect: 'follow'})
    if (!response.ok) {
      await response.body?.cancel()
      const hint = response.status === 404 ? `; ${notStatuspage}` : ''
      throw new CliError(`${url.href}: the server answered HTTP ${response.status}${hint}`)
    }
    text = await readLimited(response, url, limits.maxBytes)
  } catch (error) {
    if (error instanceof CliError) throw error
    const {name, message, cause} = error as Error & {cause?: {message?: string}}
    if (name === 'TimeoutError' || signal.aborted) throw new CliError(`${url.href}: no complete answer within ${limits.timeout / 1000} s (--timeout)`)
    throw new CliError(`${url.href}: cannot fetch it: ${cause?.message ?? message}`)
  }
  try {
    return {url: url.href, data: JSON.parse(text)}
  } catch {
    throw new CliError(`${url.href}: the answer is not JSON; ${notStatuspage}`)
  }
}
