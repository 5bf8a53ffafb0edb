/**
 * Each incident's details in the HTML report (its facts, own problems and
 * timeline), drawn in the browser when the incident is first opened: a
 * history of 10,000 updates written out as HTML is ~16 MiB and ~180,000
 * elements, and the page took longer to open than the 2 s issue #16 allows
 * on a shared machine. The page keeps only each incident's summary line as
 * HTML and embeds the details as data, packed: problem messages and rules
 * once each, problems and promises as offsets into the body.
 *
 * `showDetails` is sent to the page as its source text
 * (`String(showDetails)`), as `drawCharts` is, so it must stay
 * self-contained: no imports, no outside names, and no named inner
 * functions (tsx wraps those in a `__name` helper the page does not have),
 * hence the helpers as methods of one object. It builds elements and sets
 * text, never HTML, so nothing in the data needs escaping to stay text.
 */
import type {Problem, PromiseMark, ReportData, ReportIncident, TimelineUpdate} from './data.ts'

/** A problem: severity, index into `messages`, index into `rules` (-1: no rule), and its range in the body when it has one. */
export type PackedProblem = [severity: 0 | 1 | 2, message: number, rule: number, start?: number, end?: number]
/** A promise of a next update: its range in the body and how it turned out. */
export type PackedPromise = [start: number, end: number, outcome: PromiseMark['outcome']]

export interface PackedUpdate {
  /** The time as shown ("2026-03-01 14:05 UTC") and as given (the `datetime` attribute). */
  time: string
  at: string
  status?: string
  /** The gap since the previous update, as shown ("+40 min"). */
  gap?: string
  body: string
  problems: PackedProblem[]
  promises: PackedPromise[]
}

export interface PackedIncident {
  /** Plain-text facts, joined by " · ". */
  facts: string[]
  /** The incident's public page: only an http(s) address, so a `javascript:` one never becomes a link. */
  url?: string
  /** Where it was read from, as the other formats show it. */
  source: string
  problems: PackedProblem[]
  updates: PackedUpdate[]
}

export interface DetailsData {
  severities: readonly string[]
  outcomes: Readonly<Record<PromiseMark['outcome'], string>>
  messages: string[]
  /** Rule id and its doc's address ('' when it has none). */
  rules: Array<[id: string, url: string]>
  incidents: PackedIncident[]
}

export interface DetailsLabels {
  severities: readonly string[]
  outcomes: Readonly<Record<PromiseMark['outcome'], string>>
  time: (iso: string) => string
  duration: (minutes: number) => string
  show: (path: string) => string
}

/** Each incident's details as data, in the order of `data.incidents`. */
export function packDetails(data: ReportData, labels: DetailsLabels): DetailsData {
  const messages = new Map<string, number>()
  const rules = new Map<string, number>()
  const out: DetailsData = {severities: labels.severities, outcomes: labels.outcomes, messages: [], rules: [], incidents: []}
  const indexOf = (map: Map<string, number>, key: string, add: () => void) => {
    let index = map.get(key)
    if (index === undefined) {
      map.set(key, (index = map.size))
      add()
    }
    return index
  }
  const problem = (item: Problem): PackedProblem => {
    const message = indexOf(messages, item.message, () => out.messages.push(item.message))
    const rule = item.ruleId === null ? -1 : indexOf(rules, item.ruleId, () => out.rules.push([item.ruleId!, item.url ?? '']))
    return item.start === undefined ? [item.severity, message, rule] : [item.severity, message, rule, item.start, item.end!]
  }
  const update = (item: TimelineUpdate): PackedUpdate => ({
    time: labels.time(item.createdAt),
    at: item.createdAt,
    ...(item.status && {status: item.status}),
    ...(item.gap !== undefined && {gap: `+${labels.duration(item.gap)}`}),
    body: item.body,
    problems: item.problems.map(problem),
    promises: item.promises.map((promise) => [promise.start, promise.end, promise.outcome]),
  })
  const incident = (item: ReportIncident): PackedIncident => ({
    facts: [
      item.startedAt ? `started ${labels.time(item.startedAt)}` : '',
      item.impact ? `impact: ${item.impact}` : '',
      item.components?.length ? `components: ${item.components.join(', ')}` : '',
      `${item.updates.length} update${item.updates.length === 1 ? '' : 's'}`,
    ].filter(Boolean),
    ...(item.url && /^https?:\/\//i.test(item.url) && {url: item.url}),
    source: labels.show(item.name),
    problems: item.problems.map(problem),
    updates: item.updates.map(update),
  })
  out.incidents = data.incidents.map(incident)
  return out
}

/** The few DOM members the page's script uses (the library is typed for Node, without the DOM). */
interface Element {
  className: string
  textContent: string | null
  open?: boolean
  dataset: Record<string, string | undefined>
  setAttribute(name: string, value: string): void
  append(...nodes: Array<Element | string>): void
}
interface Page {
  createElement(tag: string): Element
  getElementById(id: string): Element | null
  addEventListener(type: string, listener: (event: {target: unknown}) => void, capture: boolean): void
}

/**
 * In the page: when an incident's `<details data-incident="N">` first opens,
 * draw its details from the data in `#report-details` (parsed on the first
 * opening, not at load).
 */
/* v8 ignore start -- @preserve runs in the page, not in Node; test/audit/report.test.ts drives it in Chromium */
export function showDetails(doc: Page): void {
  let data: DetailsData | undefined
  const draw = {
    el(tag: string, className?: string, text?: string): Element {
      const node = doc.createElement(tag)
      if (className) node.className = className
      if (text !== undefined) node.textContent = text
      return node
    },
    problem(d: DetailsData, [severity, message, rule]: PackedProblem): Element {
      const name = d.severities[severity]!
      const item = draw.el('li', `sev-${name}`)
      item.append(draw.el('span', 'sev', name), ` ${d.messages[message]}`)
      if (rule >= 0) {
        const [id, url] = d.rules[rule]!
        const label = draw.el(url ? 'a' : 'span', 'rule', id)
        if (url) label.setAttribute('href', url)
        item.append(' ', label)
      }
      return item
    },
    /** A list of `items`, or nothing when there are none. */
    list(tag: string, className: string, items: Element[]): Element[] {
      if (items.length === 0) return []
      const list = draw.el(tag, className)
      list.append(...items)
      return [list]
    },
    /** The body with problems and promises marked; overlapping ranges split the text where any of them starts or ends. */
    body(d: DetailsData, update: PackedUpdate): Element {
      const {body} = update
      const paragraph = draw.el('p', 'body')
      const ranges = [
        ...update.problems
          .filter((problem) => problem[3] !== undefined && problem[4]! > problem[3])
          .map(([severity, message, , start, end]) => ({start: start!, end: end!, className: `mark-${d.severities[severity]}`, title: d.messages[message]!})),
        ...update.promises.map(([start, end, outcome]) => ({start, end, className: `promise-${outcome}`, title: `Promise of a next update: ${d.outcomes[outcome]}`})),
      ]
      const cuts = [...new Set([0, body.length, ...ranges.flatMap((range) => [range.start, range.end])])].sort((a, b) => a - b)
      for (let index = 0; index < cuts.length - 1; index++) {
        const [from, to] = [cuts[index]!, cuts[index + 1]!]
        const covering = ranges.filter((range) => range.start <= from && range.end >= to)
        if (covering.length === 0) {
          paragraph.append(body.slice(from, to))
          continue
        }
        const mark = draw.el('span', covering.map((range) => range.className).join(' '), body.slice(from, to))
        mark.setAttribute('title', covering.map((range) => range.title).join('\n'))
        paragraph.append(mark)
      }
      return paragraph
    },
    update(d: DetailsData, update: PackedUpdate): Element {
      const item = draw.el('li', 'update')
      const meta = draw.el('div', 'meta')
      const time = draw.el('time', undefined, update.time)
      time.setAttribute('datetime', update.at)
      const status = update.status ? draw.el('span', `phase phase-${update.status}`, update.status.replace('_', ' ')) : draw.el('span', 'phase', 'no status')
      meta.append(time, ' ', status, ' ', ...(update.gap === undefined ? [] : [draw.el('span', 'gap', update.gap)]))
      const promises = update.promises.map(([start, end, outcome]) => draw.el('li', `promise-${outcome}`, `“${update.body.slice(start, end)}”: ${d.outcomes[outcome]}`))
      item.append(meta, draw.body(d, update), ...draw.list('ul', 'promises', promises), ...draw.list('ul', 'problems', update.problems.map((problem) => draw.problem(d, problem))))
      return item
    },
    incident(d: DetailsData, incident: PackedIncident): Element[] {
      const facts = draw.el('p', 'facts', incident.facts.join(' · '))
      if (incident.url) {
        const link = draw.el('a', undefined, 'public page')
        link.setAttribute('href', incident.url)
        facts.append(' · ', link)
      }
      const timeline = draw.el('ol', 'timeline')
      timeline.append(...incident.updates.map((update) => draw.update(d, update)))
      return [facts, draw.el('p', 'source', incident.source), ...draw.list('ul', 'problems incident-problems', incident.problems.map((problem) => draw.problem(d, problem))), timeline]
    },
  }
  doc.addEventListener(
    'toggle',
    (event) => {
      const details = event.target as Element
      const index = details.dataset.incident
      if (!details.open || index === undefined || details.dataset.shown !== undefined) return
      details.dataset.shown = ''
      data ??= JSON.parse(doc.getElementById('report-details')!.textContent!) as DetailsData
      details.append(...draw.incident(data, data.incidents[Number(index)]!))
    },
    // toggle does not bubble: listen on the way down instead.
    true,
  )
}
/* v8 ignore stop */
