/**
 * no-internal-hostname: customers care that notifications are late, not that
 * application-server-123 is down. Flags server-style names, Kubernetes pod and
 * node names, private/loopback/link-local addresses and internal domains,
 * including as the host of a URL; leaves public domains, public IPs (customers
 * allowlist them), regions, versions and product names alone.
 *
 * Words come from the shared doc walk; URLs from `doc.links` (the tree splits
 * them); IPv6 from one linear scan of the raw text, because the tree splits at
 * every colon. No regular expression here runs over more than one short name.
 */
import {defineRule} from '../src/engine/define-rule.ts'
import {isPublicDomain, type Link} from '../src/text/links.ts'
import {type Mask, maskLookup} from '../src/text/mask.ts'
import {ConfigError} from '../src/core/options.ts'
import {compilePatterns, type PatternList} from '../src/text/patterns.ts'
import type {Doc} from '../src/engine/doc.ts'
import type {Sentence} from '../src/text/walk.ts'
import data from './no-internal-hostname.json' with {type: 'json'}

const id = 'no-internal-hostname'

function wordSet(words: readonly string[], list: string): Set<string> {
  const out = new Set<string>()
  for (const word of words) {
    /* v8 ignore next -- @preserve guards edits to the data file, which has no duplicates */
    if (out.has(word)) throw new Error(`${id}.json: "${word}" is listed twice in ${list}`)
    out.add(word)
  }
  return out
}

interface NamePart {
  weight: number
  environment: boolean
}

const nameParts = new Map<string, NamePart>()
for (const entry of data.nameParts) {
  for (const word of entry.words) {
    /* v8 ignore next -- @preserve guards edits to the data file, which has no duplicates */
    if (nameParts.has(word)) throw new Error(`${id}.json: name part "${word}" is listed twice`)
    nameParts.set(word, {weight: entry.weight, environment: entry.kind === 'environment'})
  }
}
const regionParts = wordSet(data.regionParts.words, 'regionParts')
const hostNouns = wordSet(data.hostNouns.words, 'hostNouns')
const versionWords = wordSet(data.versionWords.words, 'versionWords')
// Longest first, so a name reports the most specific zone (.cluster.local before .local).
const suffixes = [...wordSet(data.internalSuffixes.map((entry) => entry.suffix), 'internalSuffixes')].sort((a, b) => b.length - a.length)

/** Evidence a hyphenated name needs before it counts as a machine: one role word, or two weaker signs. */
const threshold = 2

/** Kubernetes' rand.SafeEncodeString alphabet: pod hashes and suffixes use nothing else. */
const safeAlphabet = new Set([...'bcdfghjklmnpqrstvwxz2456789'])
const isSafe = (value: string) => [...value].every((char) => safeAlphabet.has(char))
const hasDigit = (value: string) => /\d/.test(value)
const isDigits = (value: string) => /^\d+$/.test(value)
/** `web03` → `web`. A loop, not `/\d+$/`, which retries from every digit and is quadratic in a run of them. */
function withoutNumber(value: string): string {
  let end = value.length
  while (end > 0 && value.charCodeAt(end - 1) >= 0x30 && value.charCodeAt(end - 1) <= 0x39) end--
  return value.slice(0, end)
}

type Finding = {
  start: number
  end: number
  messageId: 'internalHost' | 'privateAddress' | 'internalDomain' | 'denied'
  data: Record<string, string>
}

const hostKinds = {
  server: 'an internal server name',
  pod: 'a Kubernetes pod name',
  node: 'a Kubernetes node name',
  vm: "a cloud VM's private host name",
  instance: 'a cloud instance ID',
  unresolvable: 'a host only reachable inside our network',
} as const

// ---------------------------------------------------------------- addresses

function parseIPv4(value: string): number[] | undefined {
  const parts = value.split('.')
  if (parts.length !== 4) return undefined
  const octets = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : 256))
  return octets.every((octet) => octet <= 255) ? octets : undefined
}

/** Which non-public IPv4 range, if any; public addresses are for customers to allowlist. */
function ipv4Kind([a, b]: number[]): string | undefined {
  if (a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168)) return 'private'
  if (a === 127) return 'loopback'
  if (a === 169 && b === 254) return 'link-local'
  if (a === 100 && b! >= 64 && b! <= 127) return 'shared (carrier-grade NAT)'
  return undefined
}

/** Eight 16-bit groups, or undefined. Accepts `::` and an IPv4 tail. */
function parseIPv6(value: string): number[] | undefined {
  let body = value
  let tail: number[] = []
  if (value.includes('.')) {
    const lastColon = value.lastIndexOf(':')
    const v4 = parseIPv4(value.slice(lastColon + 1))
    if (!v4) return undefined
    tail = [(v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!]
    // Keep a `::` that ends right before the IPv4 tail.
    body = value.slice(0, value[lastColon - 1] === ':' ? lastColon + 1 : lastColon)
  }
  const halves = body.split('::')
  if (halves.length > 2) return undefined
  const groups = (part: string) => (part === '' ? [] : part.split(':'))
  const head = groups(halves[0]!)
  const rest = groups(halves[1] ?? '')
  if (![...head, ...rest].every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return undefined
  const given = head.length + rest.length + tail.length
  if (halves.length === 1 ? given !== 8 : given > 7) return undefined
  const zeros = Array.from({length: 8 - given}, () => 0)
  return [...head.map((g) => parseInt(g, 16)), ...zeros, ...rest.map((g) => parseInt(g, 16)), ...tail]
}

function ipv6Kind(groups: number[]): string | undefined {
  const [first] = groups as [number]
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return 'loopback'
  if ((first & 0xffc0) === 0xfe80) return 'link-local'
  if ((first & 0xfe00) === 0xfc00) return 'unique local'
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return ipv4Kind([groups[6]! >> 8, groups[6]! & 0xff])
  }
  return undefined
}

// ---------------------------------------------------------------- names

/** EC2 names: `ip-10-0-1-2` (private DNS) and `i-0abc…` (instance IDs). */
function cloudKind(segments: readonly string[]): 'vm' | 'instance' | undefined {
  if (segments[0] === 'ip' && segments.length === 5 && parseIPv4(segments.slice(1).join('.'))) return 'vm'
  const [prefix, rest = ''] = segments
  if (prefix === 'i' && segments.length === 2 && /^(?:[0-9a-f]{8}|[0-9a-f]{17})$/.test(rest) && hasDigit(rest)) return 'instance'
  return undefined
}

/** Pod and node names Kubernetes generates, recognisable by their random parts. */
function kubernetesKind(segments: readonly string[]): 'pod' | 'node' | undefined {
  const last = segments.at(-1)!
  const hash = segments.at(-2) ?? ''
  if (segments[0] === 'gke' && segments.length >= 4 && /^[0-9a-f]{8}$/.test(hash) && /^[a-z0-9]{4}$/.test(last)) return 'node'
  if (segments[0] === 'aks' && /^vmss[0-9a-z]{6}$/.test(last)) return 'node'
  if (last.length !== 5 || !isSafe(last)) return undefined
  // Deployment pod: name-<template hash>-<suffix>; DaemonSet pod: name-<suffix>.
  if (segments.length >= 3 && hash.length >= 6 && hash.length <= 10 && isSafe(hash)) return 'pod'
  return hasDigit(last) && /[a-z]/.test(last) ? 'pod' : undefined
}

/**
 * A single host label (no dots, characters already checked) that names one
 * machine: `db-primary-03`, `web03`, a pod or node, an EC2 name. `before` is
 * the previous word ("the backup server bkp-ent-2").
 */
function machineKind(label: string, before: string | undefined): keyof typeof hostKinds | undefined {
  // Host names are written in one case; Windows-11, Kafka-Broker-2 style is a product name.
  if (/[a-z]/.test(label) && /[A-Z]/.test(label)) return undefined
  const lower = label.toLowerCase()
  const segments = lower.split(/[-_]/)
  if (segments.some((segment) => segment === '')) return undefined
  const cloud = cloudKind(segments)
  if (cloud) return cloud
  if (lower !== label) {
    // Upper case with one hyphen is a ticket or error code (DB-123, API-01), not a host.
    if (segments.length < 3) return undefined
  } else {
    const generated = kubernetesKind(segments)
    if (generated) return generated
  }
  if (segments.every(isDigits)) return undefined
  // A machine ends in its number: db-3, web03 (and a lone word must be in lower case: DB2, EC2, H100 are products).
  const last = segments.at(-1)!
  const number = /^[a-z]*(\d+)$/.exec(last)?.[1]
  if (number === undefined) return undefined
  // windows-server-2022 is a product year, not the 2022nd server.
  if (number === last && number.length === 4 && Number(number) >= 1990 && Number(number) <= 2099) return undefined
  const stems = new Set(segments.map(withoutNumber))
  const region = [...stems].some((stem) => regionParts.has(stem))
  let score = 0
  for (const stem of stems) {
    const part = nameParts.get(stem)
    if (part && !(region && part.environment)) score += part.weight
  }
  // Zero-padded (db-03) or a first StatefulSet ordinal (kafka-0): numbered by machines, not by versions.
  if (number === '0' || (number.length >= 2 && number.startsWith('0'))) score += 1
  if (before !== undefined && hostNouns.has(before) && !region) score += 2
  return score >= threshold ? 'server' : undefined
}

/** The internal suffix of a dotted name, written in one case (`resolved.Local` is a missing space). */
function internalSuffix(name: string): string | undefined {
  const lower = name.toLowerCase()
  for (const suffix of suffixes) {
    if (!lower.endsWith(`.${suffix}`)) continue
    const written = name.slice(name.length - suffix.length)
    if (written === suffix || written === suffix.toUpperCase()) return `.${suffix}`
  }
  return undefined
}

interface Config {
  allow: PatternList
  deny: PatternList
  zones: readonly string[]
  /**
   * The only names a plain word (see `isPlainWord`) can be flagged as:
   * `localhost` and single-label internal zones. Undefined when a deny list
   * is set, since a deny pattern may match any word.
   */
  plainNames: ReadonlySet<string> | undefined
}

type Verdict = Pick<Finding, 'messageId' | 'data'> | undefined

/**
 * Judge one name (a word without port, or a URL's host). `before` is the
 * previous word; `dnsLink` is set for the host of a URL that is looked up in DNS.
 */
function judge(name: string, config: Config, before: string | undefined, dnsLink: boolean): Verdict {
  if (name.length === 0 || name.length > 253) return undefined
  if (config.allow.match(name)) return undefined
  const denied = config.deny.match(name)
  if (denied) return {messageId: 'denied', data: {name, pattern: denied.source}}
  const lower = name.toLowerCase()
  const v4 = before !== undefined && versionWords.has(before) ? undefined : parseIPv4(name)
  if (v4) {
    const kind = ipv4Kind(v4)
    return kind ? {messageId: 'privateAddress', data: {name, kind}} : undefined
  }
  if (lower === 'localhost') return {messageId: 'internalHost', data: {name, kind: hostKinds.unresolvable}}
  const zone = config.zones.find((z) => lower === z || lower.endsWith(`.${z}`))
  if (zone) return {messageId: 'internalDomain', data: {name, zone}}
  if (!/^[\w.-]+$/.test(name)) return undefined
  const labels = name.split('.')
  if (labels.length > 1) {
    if (labels.some((label) => label === '')) return undefined
    const suffix = internalSuffix(name)
    if (suffix) return {messageId: 'internalDomain', data: {name, zone: suffix}}
    // A name customers can resolve is one they may need: a regional API endpoint, a mail host.
    if (isPublicDomain(lower)) return undefined
    if (dnsLink) return {messageId: 'internalHost', data: {name, kind: hostKinds.unresolvable}}
    // redis-6.2, ubuntu-22.04, web.1: versions and dyno names.
    if (isDigits(labels.at(-1)!)) return undefined
    for (const label of labels) {
      const kind = machineKind(label, undefined)
      if (kind) return {messageId: 'internalHost', data: {name, kind: hostKinds[kind]}}
    }
    return undefined
  }
  const kind = machineKind(name, before)
  if (kind) return {messageId: 'internalHost', data: {name, kind: hostKinds[kind]}}
  if (dnsLink) return {messageId: 'internalHost', data: {name, kind: hostKinds.unresolvable}}
  return undefined
}

/** Schemes whose host is looked up in DNS: a host with no public domain cannot be reached from outside. */
const dnsSchemes = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'ftps'])

function judgeLink(link: Link, config: Config): Verdict {
  if (link.host.startsWith('[')) {
    const address = link.host.slice(1, -1).split('%')[0]!
    if (config.allow.match(address)) return undefined
    const denied = config.deny.match(address)
    if (denied) return {messageId: 'denied', data: {name: address, pattern: denied.source}}
    const groups = parseIPv6(address)
    const kind = groups && ipv6Kind(groups)
    return kind ? {messageId: 'privateAddress', data: {name: address, kind}} : undefined
  }
  return judge(link.host, config, undefined, link.scheme !== undefined && dnsSchemes.has(link.scheme))
}

// ---------------------------------------------------------------- scanning

/** `/8` after an address: the range is as internal as the address. */
function withPrefixLength(text: string, end: number): number {
  const match = text[end] === '/' ? /^\/\d{1,3}(?!\d)/.exec(text.slice(end, end + 5)) : null
  return match ? end + match[0].length : end
}

const isV6Char = (code: number) =>
  (code >= 0x30 && code <= 0x3a) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66) || code === 0x2e
const isWordChar = (char: string | undefined) => char !== undefined && /\w/.test(char)

/**
 * No dot, hyphen or underscore, and not letters and digits together: not an
 * address, not a dotted name, and not a machine (machines have a number
 * after letters, or generated parts). Most prose and plain numbers ("30
 * minutes") are plain, so `judge` only sees the few words that are not.
 */
function isPlainWord(text: string): boolean {
  let digit = false
  let letter = false
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k)
    if (code === 0x2e || code === 0x2d || code === 0x5f) return false
    if (code >= 0x30 && code <= 0x39) digit = true
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) letter = true
  }
  return !(digit && letter)
}

/**
 * IPv6 literals in the raw text, one left-to-right pass over runs of hex
 * digits, colons and dots. Every literal's span goes to `spans`, public or
 * not, so the words the tree splits it into are not judged again.
 */
function scanIPv6(
  text: string,
  config: Config,
  skip: (start: number, end: number) => boolean,
  out: Finding[],
  spans: Mask[],
): void {
  // An address has two colons or more: most texts have fewer, and nothing to scan for.
  const colon = text.indexOf(':')
  if (colon === -1 || text.indexOf(':', colon + 1) === -1) return
  let i = 0
  while (i < text.length) {
    if (!isV6Char(text.charCodeAt(i))) {
      i++
      continue
    }
    const runStart = i
    // An address has two colons or more; most runs are words spelt with a–f ("a", "added") or numbers.
    let colons = 0
    for (; i < text.length && isV6Char(text.charCodeAt(i)); i++) if (text.charCodeAt(i) === 0x3a) colons++
    if (colons < 2) continue
    let end = i
    while (end > runStart && text[end - 1] === '.') end--
    const address = text.slice(runStart, end)
    if (isWordChar(text[runStart - 1])) continue
    const zone = text[end] === '%' ? /^%[\da-z]+/i.exec(text.slice(end, end + 32)) : null
    if (zone) end += zone[0].length
    if (isWordChar(text[end])) continue
    const groups = parseIPv6(address)
    if (!groups) continue
    let start = runStart
    if (text[start - 1] === '[' && text[end] === ']') {
      start--
      end++
      const port = text[end] === ':' ? /^:\d{1,5}(?!\d)/.exec(text.slice(end, end + 7)) : null
      if (port) end += port[0].length
    } else end = withPrefixLength(text, end)
    spans.push({kind: 'code', start, end})
    if (skip(start, end) || config.allow.match(address)) continue
    const denied = config.deny.match(address)
    const kind = ipv6Kind(groups)
    if (denied) out.push({start, end, messageId: 'denied', data: {name: address, pattern: denied.source}})
    else if (kind) out.push({start, end, messageId: 'privateAddress', data: {name: address, kind}})
  }
}

function scanWords(
  text: string,
  sentence: Sentence,
  config: Config,
  skip: (start: number, end: number) => boolean,
  out: Finding[],
): void {
  sentence.words.forEach((word, index) => {
    if (config.plainNames && isPlainWord(word.text) && !config.plainNames.has(word.norm.endsWith("'s") ? word.norm.slice(0, -2) : word.norm)) return
    if (skip(word.start, word.end)) return
    const previous = sentence.words[index - 1]
    const before = previous && !word.gap ? previous.norm : undefined
    // db-primary-03's disk: the possessive is not part of the name.
    const written = /['’]s$/i.test(word.text) ? word.text.slice(0, -2) : word.text
    const port = /:\d{1,5}$/.exec(written)
    const name = port ? written.slice(0, -port[0].length) : written
    const verdict = judge(name, config, before, false)
    if (!verdict) return
    const end = word.start + written.length
    out.push({start: word.start, end: verdict.messageId === 'privateAddress' && !port ? withPrefixLength(text, end) : end, ...verdict})
  })
}

/** `corp.acme.net`, `.corp.acme.net` or `*.corp.acme.net`: every host under the zone is internal. */
function compileZones(zones: readonly string[]): string[] {
  return zones.map((zone) => {
    const bare = zone.replace(/^\*?\./, '').toLowerCase()
    if (!/^[\da-z-]+(?:\.[\da-z-]+)*$/.test(bare)) {
      throw new ConfigError(
        `Rule "${id}": option "internalDomains" value ${JSON.stringify(zone)} is not a domain name (expected e.g. "corp.acme.net" or "*.corp.acme.net")`,
      )
    }
    return bare
  })
}

export const noInternalHostname = defineRule({
  id,
  description: 'No internal host names, private addresses or internal domains in customer messages',
  severity: 'error',
  recommended: true,
  messages: {
    internalHost:
      '"{name}" is {kind}: customers can\'t act on it. Say which feature is affected instead, e.g. "a database server" or "our notification service"',
    privateAddress: '"{name}" is a {kind} address that only exists inside our network. Say which feature is affected instead of giving the address',
    internalDomain:
      '"{name}" is under {zone}, an internal domain customers can\'t reach. Say which feature is affected instead, or link to the public status page',
    denied: '"{name}" matches "{pattern}" in your deny list of internal names. Say which feature is affected instead',
  },
  note: 'Customers need to know what is affected for them ("notifications are delayed"), not which machine is down. Server names, private addresses and internal domains mean nothing outside the company, go stale as infrastructure changes, and map your network for attackers. Public domains, status-page links and public IPs customers allowlist are fine.',
  options: {
    allow: {
      type: 'string[]',
      default: [],
      regex: true,
      description: 'Names never to flag: a literal name, a `*` glob, or `/regex/flags` (e.g. customer-facing cell names such as `cortex-prod-*`)',
    },
    deny: {
      type: 'string[]',
      default: [],
      regex: true,
      description: 'Extra names to flag, written like `allow` (e.g. your own naming scheme, `zeus`, `cell-*`)',
    },
    internalDomains: {
      type: 'string[]',
      default: [],
      description: 'Your internal zones (e.g. `corp.acme.net`): every host under them is flagged, even under a public top-level domain',
    },
  },
  create(options) {
    const zones = compileZones(options.internalDomains)
    const deny = compilePatterns(id, 'deny', options.deny)
    const config: Config = {
      allow: compilePatterns(id, 'allow', options.allow),
      deny,
      zones,
      plainNames: deny.size === 0 ? new Set(['localhost', ...zones.filter((zone) => !zone.includes('.'))]) : undefined,
    }
    return ({doc, report}) => {
      for (const finding of findAll(doc, config)) {
        const {start, end, messageId, data} = finding
        report({messageId, start, end, data})
      }
    }
  },
})

/**
 * Whether any word of the tree lies in `start..end`. IPv6 literals and links
 * are found in the raw text; in Markdown, code and link targets are not
 * prose and have no words, so they are left alone like every other rule does.
 */
function wordIndex(doc: Doc): (start: number, end: number) => boolean {
  // Built on first use: most messages have no link or IPv6 address to ask about.
  let starts: number[] | undefined
  return (start, end) => {
    starts ??= doc.sentences.flatMap((sentence) => sentence.words.map((word) => word.start))
    let lo = 0
    let hi = starts.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (starts[mid]! < start) lo = mid + 1
      else hi = mid
    }
    return lo < starts.length && starts[lo]! < end
  }
}

function findAll(doc: Doc, config: Config): Finding[] {
  const found: Finding[] = []
  // Placeholders are never names; links are judged by their host, once.
  const masked = maskLookup(doc.masks.filter((mask) => mask.kind !== 'code'))
  const inPlaceholder = maskLookup(doc.masks.filter((mask) => mask.kind === 'placeholder'))
  const inProse = wordIndex(doc)
  const addresses: Mask[] = []
  scanIPv6(doc.text, config, (start, end) => masked(start, end) !== undefined || !inProse(start, end), found, addresses)
  const inAddress = maskLookup(addresses)
  for (const link of doc.links) {
    if (inPlaceholder(link.start, link.end) || !inProse(link.start, link.end)) continue
    const verdict = judgeLink(link, config)
    if (verdict) found.push({start: link.start, end: link.end, ...verdict})
  }
  const skip = (start: number, end: number) => masked(start, end) !== undefined || inAddress(start, end) !== undefined
  for (const sentence of doc.sentences) scanWords(doc.text, sentence, config, skip, found)
  return found.sort((a, b) => a.start - b.start)
}
