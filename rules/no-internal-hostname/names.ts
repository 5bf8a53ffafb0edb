/**
 * What makes one host label (no dots) a machine, service or cluster name,
 * read from the rule's vocabulary in `no-internal-hostname.json`:
 *
 * - a numbered machine: parts ending in a number with enough infrastructure
 *   evidence (`db-primary-03`, `web03`, `kafka-0`);
 * - a generated name: Kubernetes pods and nodes, EC2 private names and IDs;
 * - a composed name: words from the infrastructure vocabulary joined by `-`
 *   or `_`, with no number needed (`checkout-api`, `auth-svc`, `eks-staging`,
 *   `cache-cluster-b`), while English compounds (`co-worker`, `read-only`,
 *   `redis-compatible`) and regions (`us-east-1`, `prod-us-central-0`) pass.
 */
import {parseIPv4} from '../../src/text/addresses.ts'
import {entriesOf, wordSet} from '../../src/text/word-lists.ts'
import data from '../no-internal-hostname.json' with {type: 'json'}

const id = 'no-internal-hostname'

interface NamePart {
  weight: number
  environment: boolean
}

const nameParts = new Map<string, NamePart>()
for (const entry of entriesOf(data.nameParts, ['role', 'software', 'environment'])) {
  for (const word of entry.phrases) {
    /* v8 ignore next -- @preserve guards edits to the data file, which has no duplicates */
    if (nameParts.has(word)) throw new Error(`${id}.json: name part "${word}" is listed twice`)
    nameParts.set(word, {weight: entry.weight ?? 1, environment: entry.kind === 'environment'})
  }
}
const regionParts = wordSet(data.regionParts)
const hostNouns = wordSet(data.hostNouns)
const terms = wordSet(data.serviceTerms)
const heads = wordSet(data.serviceHeads)
const platforms = wordSet(data.servicePlatforms)
const environments = wordSet(data.serviceEnvironments)
const glued = data.serviceGlued.words
const modifiers = wordSet(data.serviceModifiers)
const englishSuffixes = wordSet(data.serviceEnglishSuffixes)
const notSites = wordSet(data.siteNumbered)

/** Evidence a numbered name needs before it counts as a machine: one role word, or two weaker signs. */
const threshold = 2

export const hostKinds = {
  server: 'an internal server name',
  service: 'an internal service name',
  cluster: 'an internal cluster or node-pool name',
  pod: 'a Kubernetes pod name',
  node: 'a Kubernetes node name',
  vm: "a cloud VM's private host name",
  instance: 'a cloud instance ID',
  unresolvable: 'a host only reachable inside our network',
} as const

export type HostKind = keyof typeof hostKinds

/** Kubernetes' rand.SafeEncodeString alphabet: pod hashes and suffixes use nothing else. */
const safeAlphabet = new Set([...'bcdfghjklmnpqrstvwxz2456789'])
const isSafe = (value: string) => [...value].every((char) => safeAlphabet.has(char))
const hasDigit = (value: string) => /\d/.test(value)
export const isDigits = (value: string) => /^\d+$/.test(value)
/** `web03` → `web`. A loop, not `/\d+$/`, which retries from every digit and is quadratic in a run of them. */
function withoutNumber(value: string): string {
  let end = value.length
  while (end > 0 && value.charCodeAt(end - 1) >= 0x30 && value.charCodeAt(end - 1) <= 0x39) end--
  return value.slice(0, end)
}

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
  // Linode LKE: lke<cluster>-<pool>-<hex id>.
  if (segments.length === 3 && /^lke\d+$/.test(segments[0]!) && isDigits(segments[1]!) && /^[0-9a-f]{8,16}$/.test(last) && hasDigit(last)) return 'node'
  if (last.length !== 5 || !isSafe(last)) return undefined
  // Deployment pod: name-<template hash>-<suffix>; DaemonSet pod: name-<suffix>.
  if (segments.length >= 3 && hash.length >= 6 && hash.length <= 10 && isSafe(hash)) return 'pod'
  return hasDigit(last) && /[a-z]/.test(last) ? 'pod' : undefined
}

/** `db-3`, `web03`, `application-server-123`: a name ending in its machine number, with enough evidence. */
function numberedMachine(segments: readonly string[], before: string | undefined): boolean {
  if (segments.every(isDigits)) return false
  const last = segments.at(-1)!
  const number = /^[a-z]*(\d+)$/.exec(last)?.[1]
  if (number === undefined) return false
  // windows-server-2022 is a product year, not the 2022nd server.
  if (number === last && isYear(number)) return false
  const stems = new Set(segments.map(withoutNumber))
  const region = [...stems].some((stem) => regionParts.has(stem))
  let score = 0
  let role = false
  for (const stem of stems) {
    const part = nameParts.get(stem)
    if (part && !(region && part.environment)) score += part.weight
    if (part && !part.environment) role = true
  }
  // web-eu-3: a role placed in a zone is a machine there; prod-eu-01 (no role) is a region slug.
  if (region && role) score += 1
  // Zero-padded (db-03) or a first StatefulSet ordinal (kafka-0): numbered by machines, not by versions.
  if (number === '0' || (number.length >= 2 && number.startsWith('0'))) score += 1
  if (before !== undefined && hostNouns.has(before) && !region) score += 2
  return score >= threshold
}

const isYear = (number: string) => number.length === 4 && Number(number) >= 1990 && Number(number) <= 2099

/** `mw1238`, `cp3011`: a word and four digits, numbered by site and rack; not `rfc7231` or a year. */
function siteNumbered(lower: string): boolean {
  const match = /^([a-z]{2,})(\d{4})$/.exec(lower)
  return match !== null && !notSites.has(match[1]!) && !isYear(match[2]!)
}

/**
 * A generated instance suffix (`api-server-7f9c`): letters and digits mixed,
 * two of each at least, so model numbers (13900k, 4o) and versions are not.
 */
const isInstanceId = (part: string) => /^[a-z\d]{4,10}$/.test(part) && /\d.*\d/.test(part) && /[a-z].*[a-z]/.test(part) && !/^v\d/.test(part)

/** A part after the name's role that only numbers or places it: `-7`, `-b`, `-1b`, `-eu`, `-staging`, `-7f9c`. */
function isTrailer(part: string): boolean {
  return /^\d+[a-z]?$/.test(part) || /^[a-z]$/.test(part) || regionParts.has(part) || environments.has(part) || isInstanceId(part)
}

/**
 * A name composed from the infrastructure vocabulary (see the JSON's
 * `serviceNames`). `separator` is `-` or `_`: identifiers joined by `_` are
 * also metric and field names (`db_connections_active`), so only a role
 * written last makes one a service.
 */
function composedKind(parts: readonly string[], separator: string): 'service' | 'cluster' | undefined {
  if (englishSuffixes.has(parts.at(-1)!)) return undefined
  // api-v2 and sdk-v3 are versions of a public product; patroni-main-v16 is still a cluster.
  const versioned = parts.some((part) => /^v\d+$/.test(part))
  if (versioned && !parts.some((part) => terms.has(part))) return undefined
  const kind = () => (parts.some((part) => platforms.has(part) || glued.some((g) => part.includes(g))) ? 'cluster' : 'service')
  let end = parts.length
  while (end > 1 && isTrailer(parts[end - 1]!)) end--
  const head = parts[end - 1]!
  const modifier = parts[end - 2]
  if (heads.has(head) && modifier !== undefined && /[a-z]{2}/.test(modifier) && !modifiers.has(modifier)) return kind()
  if (separator === '_') return undefined
  const words = parts.filter((part) => /^[a-z][a-z\d]*$/.test(part) && !regionParts.has(part) && !modifiers.has(part))
  // Two words and a generated suffix: an instance of a service (api-server-7f9c).
  if (end < parts.length && isInstanceId(parts.at(-1)!) && parts.slice(0, end).filter((part) => /^[a-z]{2,}$/.test(part)).length >= 2) return kind()
  const termCount = words.filter((word) => terms.has(word) || glued.some((g) => word !== g && word.includes(g))).length
  if (termCount === 0) return heads.has(head) && parts.slice(end).some((part) => environments.has(part)) ? kind() : undefined
  // prod-us-central-0: an environment word in a region name customers pick; auth-svc, eks-staging: a term and another word.
  return words.length >= 2 ? kind() : undefined
}

/** `edgek8s`: a glued term inside one word. */
function gluedKind(lower: string): 'cluster' | undefined {
  return /^[a-z\d]+$/.test(lower) && glued.some((g) => lower !== g && lower.includes(g) && lower.replace(g, '').length >= 2) ? 'cluster' : undefined
}

/**
 * A single host label (no dots, characters already checked) that names one
 * machine, service or cluster. `before` is the previous word ("the backup
 * server bkp-ent-2").
 */
export function machineKind(label: string, before: string | undefined): HostKind | undefined {
  const lower = label.toLowerCase()
  const segments = lower.split(/[-_]/)
  // Host names are written in one case; Windows-11, Kafka-Broker-2 style is a product name.
  // A capital only at the start of a compound is a sentence's first word (Billing-worker restarted).
  const capitalised = segments.length > 1 && label.slice(1) === lower.slice(1)
  if (/[a-z]/.test(label) && /[A-Z]/.test(label) && !capitalised) return undefined
  if (segments.some((segment) => segment === '')) return undefined
  const cloud = cloudKind(segments)
  if (cloud) return cloud
  if (lower !== label && !capitalised) {
    // Upper case with one hyphen is a ticket or error code (DB-123, API-01), not a host.
    if (segments.length < 3) return undefined
  } else {
    const generated = kubernetesKind(segments)
    if (generated) return generated
  }
  if (numberedMachine(segments, before)) return 'server'
  if (segments.length === 1) return siteNumbered(lower) ? 'server' : gluedKind(lower)
  return composedKind(segments, lower.includes('_') ? '_' : '-')
}

// ---------------------------------------------------------------- domains

// Longest first, so a name reports the most specific zone (.cluster.local before .local).
const suffixes = data.internalSuffixes.entries.flatMap((entry) => entry.phrases).sort((a, b) => b.length - a.length)
const internalLabels = wordSet(data.internalLabels)
const bareInternalLabels = wordSet(data.bareInternalLabels)

/** The internal suffix of a dotted name, written in one case (`resolved.Local` is a missing space). */
export function internalSuffix(name: string): string | undefined {
  const lower = name.toLowerCase()
  for (const suffix of suffixes) {
    if (!lower.endsWith(`.${suffix}`)) continue
    const written = name.slice(name.length - suffix.length)
    if (written === suffix || written === suffix.toUpperCase()) return `.${suffix}`
  }
  return undefined
}

/**
 * `jira.corp.acme.com` → `.corp.acme.com`: an internal label with a
 * registered domain after it; in a name with no public domain
 * (`wikifeeds.svc.codfw.wmnet`), a bare internal label anywhere after the first.
 */
export function internalZone(labels: readonly string[], publicDomain: boolean): string | undefined {
  const last = publicDomain ? labels.length - 3 : labels.length - 2
  for (let i = 1; i <= last; i++) {
    const label = labels[i]!.toLowerCase()
    if (publicDomain ? internalLabels.has(label) : bareInternalLabels.has(label)) return `.${labels.slice(i).join('.').toLowerCase()}`
  }
  return undefined
}
