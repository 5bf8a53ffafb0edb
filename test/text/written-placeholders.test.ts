/**
 * Placeholders as published templates write them, and where they end and
 * prose begins: every shape from the issue is found with its guidance as its
 * name; Markdown, data, HTML and tags written in real updates stay prose;
 * the label a placeholder fills is recorded; and no real update in
 * ../shared/corpus loses a word to a placeholder.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {findPlaceholders} from '../../src/text/mask.ts'
import {readsAsSlot} from '../../src/text/written-placeholders.ts'
import {findSharedCorpus} from '../../scripts/eval-sets.ts'

function found(text: string): Array<[string, string | undefined, string]> {
  return findPlaceholders(text).map((m) => [text.slice(m.start, m.end), m.placeholder!.name, m.placeholder!.syntax])
}

describe('written placeholders', () => {
  it.each([
    ['[product] is down', [['[product]', 'product', 'bracket']]],
    ['Errors on [Feature Name] and [AFFECTED PRODUCT]', [['[Feature Name]', 'Feature Name', 'bracket'], ['[AFFECTED PRODUCT]', 'AFFECTED PRODUCT', 'bracket']]],
    ['Maintenance ends at [start time + 1h].', [['[start time + 1h]', 'start time + 1h', 'bracket']]],
    ['Delays of up to [X] minutes', [['[X]', 'X', 'bracket']]],
    ['Customers in [one region OR all regions]', [['[one region OR all regions]', 'one region OR all regions', 'bracket']]],
    ['Status: [degraded performance / partial outage /\n full outage]', [['[degraded performance / partial outage /\n full outage]', 'degraded performance / partial outage / full outage', 'bracket']]],
    ['[Optional: In the meantime, [status page link / workaround].]', [['[Optional: In the meantime, [status page link / workaround].]', 'Optional: In the meantime, [status page link / workaround].', 'bracket']]],
    ['Errors on <affected_service>.', [['<affected_service>', 'affected_service', 'angle']]],
    ['<a one-line summary of what customers see, e.g. "uploads fail">', [['<a one-line summary of what customers see, e.g. "uploads fail">', 'a one-line summary of what customers see, e.g. "uploads fail"', 'angle']]],
    ['Severity: <SEV-1|SEV-2|SEV-3>', [['<SEV-1|SEV-2|SEV-3>', 'SEV-1|SEV-2|SEV-3', 'angle']]],
    ['no sign of <data loss|cross-tenant access|\nunauthorized access> yet', [['<data loss|cross-tenant access|\nunauthorized access>', 'data loss|cross-tenant access| unauthorized access', 'angle']]],
    ['Impact: < … >', [['< … >', '…', 'angle']]],
    ['{AFFECTED_SERVICES} are slow: {IMPACT_SUMMARY}', [['{AFFECTED_SERVICES}', 'AFFECTED_SERVICES', 'brace'], ['{IMPACT_SUMMARY}', 'IMPACT_SUMMARY', 'brace']]],
    ['Dear {CustomerName}, {Service Name} is down', [['{CustomerName}', 'CustomerName', 'brace'], ['{Service Name}', 'Service Name', 'brace']]],
    ['Errors on $(component) since $( start_time )', [['$(component)', 'component', 'shell'], ['$( start_time )', 'start_time', 'shell']]],
    ['a time without a level is a timeline: 10:15 UTC [Service] failed', [['[Service]', 'Service', 'bracket']]],
    ['Alternatives and names with slashes or dots: [service/feature], [a/b/c], [Date/Time], [incident.impact], [SEV-1]', [
      ['[service/feature]', 'service/feature', 'bracket'], ['[a/b/c]', 'a/b/c', 'bracket'], ['[Date/Time]', 'Date/Time', 'bracket'],
      ['[incident.impact]', 'incident.impact', 'bracket'], ['[SEV-1]', 'SEV-1', 'bracket'],
    ]],
    ['At 14:02 <service> stopped; a digit inside a name of a kind: <ipv4_address>', [['<service>', 'service', 'angle'], ['<ipv4_address>', 'ipv4_address', 'angle']]],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  it.each([
    ['a Markdown link', 'See [the status page](https://status.example.com) and ![a chart](chart.png).'],
    ['a reference link and its definition', 'See [the status page][status].\n\n[status]: https://status.example.com'],
    ['a footnote', 'Errors rose sharply[^1].'],
    ['task-list boxes', '- [ ] notify support\n- [x] roll back\n* [X] post update'],
    ['escaped brackets', 'Reply with \\[yes\\] or \\[no\\].'],
    ['autolinks and addresses', 'Follow <https://status.example.com> or write to <ops@example.com>.'],
    ['HTML', 'Line one<br>line two, <a href="/x">details</a>, <b>bold</b> and <Callout type="note">.'],
    ['comparisons and arrows', 'p99 latency < 200ms and > 100ms; A -> B <- C.'],
    ['arrays and timestamps', 'Regions [1, 2, 3] and ["api", "cdn"] at [14:02 UTC], [9:30 am].'],
    ['JSON, CSS and code in braces', 'Send {"status": "ok"} with {color: red} or { return x; }.'],
    ['tags that real updates write', '[Google BigQuery] Lower throughput from the Read API\n[US Multiregion] Customers may see latency; [EU] only.'],
    ['status labels', '[Resolved] Login errors. [UPDATE] [Scheduled Maintenance]'],
    ['ordinary parentheses', 'Some customers (mostly in the EU) saw errors (HTTP 502).'],
    ['a placeholder broken by a blank line', '[start\n\nend]'],
    ['two capitals, a code', '[P1] [EU]'],
    ['numbered names of one thing', 'Errors on [worker-3], <mw1238> and {node-07-eu}.'],
    ['a log line\'s thread or logger', 'Sync stopped: 2025-02-11 08:41:07.332 WARN [main] retry budget exhausted; 09:00:01 ERROR: <Scheduler> gave up'],
    ['a chat log\'s nicks', '03:12 +<nagios-bot> PROBLEM - checkout\n- [12:03] <alice> rolling back'],
    ['route parameters', 'Calls to /{tenant}/v1/reports/{year}, /users/[id] and /<int:id> fail.'],
    ['a path, a host, an address, a ticket key or a URL in brackets', 'Error in [/var/lib/app/config.yml], [~/deploy.sh], [src/app/config.yml] and [C:\\app\\error.log] on [db-03.prod.internal], [api.internal:8443], [10.0.4.12]; see [OPS-1234], [INC0021063] and [https://tracker.example.com/OPS-1].'],
    ['a host in angle brackets or braces', 'Failover from <db-03.prod.internal> to {db-04.prod.internal}.'],
    ['code: fenced blocks and inline spans', 'Logged:\n```\nERROR [worker-3] <ops-bot> {queue_full}\n```\nand `[x] <y> {z} $(w)`.'],
  ])('leaves %s as prose', (_, text) => {
    expect(found(text)).toEqual([])
  })

  it('takes the other syntax inside brackets, not the brackets: "[{{severity}}]"', () => {
    expect(found('[{{severity}}] {{service}}').map(([text]) => text)).toEqual(['{{severity}}', '{{service}}'])
  })

  it('reads Title Case as a placeholder only when it names a kind of value', () => {
    expect(readsAsSlot('Service Name', false)).toBe(true)
    expect(readsAsSlot('Google BigQuery', false)).toBe(false)
    expect(readsAsSlot('BigQuery', false)).toBe(false)
    expect(readsAsSlot('UptimePct', true)).toBe(true)
  })

  it.each([
    ['**Impact:** [What users experience]', {label: 'Impact'}],
    ['- **Next update**: <UTC timestamp>', {label: 'Next update'}],
    ['Current impact:\n- <who/what remains affected>', {label: 'Current impact'}],
    ['Subject: CueCrux incident update: <short title>', {label: 'CueCrux incident update'}],
    ['Cause: [one line]. ETA [time] UTC.', {lead: 'eta'}],
    ['We are investigating reports of [issue].', {lead: 'reports of'}],
    ['[Timestamp] - Resolved', {}],
  ])('records what %j fills', (text, expected) => {
    const last = findPlaceholders(text).at(-1)!.placeholder!
    expect({label: last.label, lead: last.lead}).toEqual({label: undefined, lead: undefined, ...expected})
  })
})

describe('real updates', () => {
  // Found from worktrees too (/work/wt/<branch> finds /work/shared), not only beside the project.
  const corpus = findSharedCorpus()
  it.skipIf(corpus === undefined)('lose no word to a placeholder (skipped when ../shared/corpus is absent)', () => {
    const lines = readFileSync(corpus!, 'utf8').split('\n').filter(Boolean)
    const masked = lines.flatMap((line) => {
      const {id, text} = JSON.parse(line) as {id: string; text: string}
      return findPlaceholders(text).map((m) => `${id}: ${text.slice(m.start, m.end)}`)
    })
    expect(lines.length).toBeGreaterThan(200)
    expect(masked).toEqual([])
  })
})
