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
import {findIPv6, ipv4Kind, ipv6Kind, parseIPv4, parseIPv6, withPrefixLength} from '../src/text/addresses.ts'
import {defineRule} from '../src/engine/define-rule.ts'
import {objectReferenceAt} from '../src/text/artifacts.ts'
import {isPublicDomain, type Link} from '../src/text/links.ts'
import {type Mask, maskLookup} from '../src/text/mask.ts'
import {ConfigError} from '../src/core/options.ts'
import {compilePatterns, type PatternList} from '../src/text/patterns.ts'
import type {Doc} from '../src/engine/doc.ts'
import {type Sentence, wordIndex} from '../src/text/walk.ts'
import data from './no-internal-hostname.json' with {type: 'json'}
import {hostKinds, internalSuffix, internalZone, isDigits, machineKind} from './no-internal-hostname/names.ts'
import {wordSet} from '../src/text/word-lists.ts'

const id = 'no-internal-hostname'

/** Versions, not addresses: a four-part number after these words (version 10.0.0.1). */
const versionWords = wordSet(data.versionWords)

type Finding = {
  start: number
  end: number
  messageId: 'internalHost' | 'privateAddress' | 'internalDomain' | 'denied'
  data: Record<string, string>
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
    const publicDomain = isPublicDomain(lower)
    const zone = internalZone(labels, publicDomain)
    if (zone) return {messageId: 'internalDomain', data: {name, zone}}
    // A name customers can resolve is one they may need: a regional API endpoint, a mail host.
    if (publicDomain) return undefined
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
 * Judge every IPv6 literal in the text. Every literal's span goes to
 * `spans`, public or not, so the words the tree splits it into are not
 * judged again.
 */
function scanIPv6(text: string, config: Config, skip: (start: number, end: number) => boolean, out: Finding[], spans: Mask[]): void {
  for (const {start, end, address, groups} of findIPv6(text)) {
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
    // deployment/checkout-api: the name half of an object reference, which no-internal-detail reports whole.
    if (skip(word.start, word.end) || objectReferenceAt(text, word.start)) return
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

function findAll(doc: Doc, config: Config): Finding[] {
  const found: Finding[] = []
  // Placeholders are never names; links are judged by their host, once.
  const masked = maskLookup(doc.masks.filter((mask) => mask.kind !== 'code'))
  const inPlaceholder = maskLookup(doc.masks.filter((mask) => mask.kind === 'placeholder'))
  const inProse = wordIndex(() => [...doc.sentences, ...doc.codeSentences])
  const addresses: Mask[] = []
  scanIPv6(doc.text, config, (start, end) => masked(start, end) !== undefined || !inProse(start, end), found, addresses)
  const inAddress = maskLookup(addresses)
  for (const link of doc.links) {
    if (inPlaceholder(link.start, link.end) || !inProse(link.start, link.end)) continue
    const verdict = judgeLink(link, config)
    if (verdict) found.push({start: link.start, end: link.end, ...verdict})
  }
  const skip = (start: number, end: number) => masked(start, end) !== undefined || inAddress(start, end) !== undefined
  // Customers read a name in code (Markdown `db-primary-03`, a pasted log) just the same.
  for (const sentence of [...doc.sentences, ...doc.codeSentences]) scanWords(doc.text, sentence, config, skip, found)
  return found.sort((a, b) => a.start - b.start)
}
