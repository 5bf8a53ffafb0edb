/**
 * The messages inside a template file, each with the settings it carries and
 * a map from its text back to the file.
 *
 * - `.md` / `.txt`: the file's text, after optional YAML front matter
 *   (`---` … `---`) that may set `phase`, `channel` and `placeholders`
 *   (widths by name); front matter keys named in `fields` (e.g. `title`) are
 *   messages too.
 * - `.yml` / `.yaml` / `.json`: a collection in the Statuspage shape, i.e. a
 *   top-level list of templates, a list (or map) under a `templates:` key, or
 *   a map from template name to template. A template is a mapping whose
 *   `fields` (default `title` and `body`) hold its messages, with optional
 *   `phase` (or Statuspage's `update_status`), `channel` and `placeholders`;
 *   a bare string is a template whose `body` it is. Other keys (`name`,
 *   `group_id`, `should_tweet`, …) are left alone. Beside `templates:`, the
 *   same settings give every template in the file its defaults.
 *
 * Problems (malformed YAML or JSON, a wrong phase, a template that is not one)
 * are TemplateErrors with the file offset they concern.
 */
import type {Document, Node, Pair, Scalar, YAMLMap} from 'yaml'
import {type Channel, channels} from '../analysis/length.ts'
import {isPhase, type Phase, phaseNames} from '../analysis/phase.ts'
import {widthsProblem} from '../text/placeholders.ts'
import {closest} from '../core/did-you-mean.ts'
import {findFrontMatter} from './front-matter.ts'
import {jsonProblem} from './json.ts'
import {mapScalar, toSource} from './scalar.ts'

/** What a template (or a file's front matter) says about its messages. */
export interface TemplateSettings {
  phase?: Phase
  channel?: Channel
  /** Placeholder widths by name. */
  widths?: Record<string, number>
}

export interface TemplateMessage extends TemplateSettings {
  text: string
  /** The key it came from: `body` for the text of a .md/.txt file and for a template written as a bare string. */
  field: string
  /** The body of a Markdown file: linted as Markdown. */
  markdown: boolean
  /** From an offset in `text` to one in the file; `edge` says whether it is a start or an (exclusive) end. */
  toSource: (offset: number, edge: 'start' | 'end') => number
}

/** A problem in a template file, at `offset` in it. */
export class TemplateError extends Error {
  override name = 'TemplateError'
  constructor(
    message: string,
    readonly offset: number,
    /** The file as a whole is not a collection of templates (a tsconfig.json, a workflow), rather than a broken one. */
    readonly notACollection = false,
  ) {
    super(message)
  }
}

type Yaml = typeof import('yaml')

const notATemplate = 'not a template file? add it to "ignores" in your config'

function show(node: unknown): string {
  if (node === null || node === undefined) return 'nothing'
  const {isMap, isSeq, isScalar} = yaml!
  if (isMap(node)) return 'a mapping'
  if (isSeq(node)) return 'a list'
  const value = isScalar(node) ? node.value : null
  return value === null ? 'nothing' : JSON.stringify(value)
}

let yaml: Yaml | undefined

/** A YAML document, or a TemplateError at its first problem. `base` is where `text` starts in the file. */
function parse(text: string, base: number): Document {
  // prettyErrors builds a snippet with a regular expression that runs out of memory on deep nesting.
  const doc = yaml!.parseDocument(text, {keepSourceTokens: true, prettyErrors: false})
  const [error] = doc.errors
  if (error) {
    const message = error.code === 'MULTIPLE_DOCS' ? 'a template file holds one YAML document, but another starts here' : error.message
    throw new TemplateError(message, base + error.pos[0])
  }
  return doc
}

/**
 * How much text YAML aliases may add: a file's messages come to at most its
 * own length, or this much, whichever is more. An anchored 100 KB string
 * referenced 1,500 times (a 109 KB file) made 150 MB of messages to lint.
 */
export const maxExpandedCharacters = 1024 * 1024

/** Every alias's target, found in one pass in document order (yaml's `Alias.resolve` walks the whole document per alias). */
function aliasTargets(doc: Document): Map<unknown, Node> {
  const {isAlias, visit} = yaml!
  const anchors = new Map<string, Node>()
  const targets = new Map<unknown, Node>()
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        const target = anchors.get(node.source)
        if (target) targets.set(node, target)
      } else if (node.anchor) anchors.set(node.anchor, node)
    },
  })
  return targets
}

class Reader {
  #targets: Map<unknown, Node> | undefined
  #budget: number

  constructor(
    readonly doc: Document,
    /** Where the parsed text starts in the file. */
    readonly base: number,
    readonly fields: readonly string[],
    /** The length of the file, which the messages may come to without aliases. */
    size: number,
  ) {
    this.#budget = Math.max(size, maxExpandedCharacters)
  }

  resolve(node: unknown): Node | null {
    const {isAlias} = yaml!
    if (!isAlias(node)) return (node as Node | null | undefined) ?? null
    this.#targets ??= aliasTargets(this.doc)
    return this.#targets.get(node) ?? null
  }

  at(node: Node | null | undefined, fallback: number): number {
    return this.base + (node?.range?.[0] ?? fallback)
  }

  pair(map: YAMLMap, key: string): Pair | undefined {
    const {isScalar} = yaml!
    return map.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key)
  }

  /** `phase` / `update_status`, `channel` and `placeholders` of a mapping, over `inherited`. */
  settings(map: YAMLMap, inherited: TemplateSettings): TemplateSettings {
    const {isScalar} = yaml!
    const settings = {...inherited}
    // `phase`, or Statuspage's `update_status`; `phase` wins when both are given.
    const phase = this.pair(map, 'phase') ?? this.pair(map, 'update_status')
    if (phase) {
      const node = this.resolve(phase.value)
      const value = isScalar(node) ? node.value : undefined
      if (!isPhase(value)) {
        const guess = typeof value === 'string' ? closest(value, phaseNames) : undefined
        throw new TemplateError(
          `"${String((phase.key as Scalar).value)}" must be one of ${phaseNames.join(', ')}, got ${show(node)}${guess ? ` (did you mean "${guess}"?)` : ''}`,
          this.at(node, (phase.key as Node).range![0]),
        )
      }
      settings.phase = value
    }
    const channel = this.pair(map, 'channel')
    if (channel) {
      const node = this.resolve(channel.value)
      const value = isScalar(node) ? node.value : undefined
      if (!(channels as readonly unknown[]).includes(value)) {
        const guess = typeof value === 'string' ? closest(value, channels) : undefined
        throw new TemplateError(
          `"channel" must be one of ${channels.join(', ')}, got ${show(node)}${guess ? ` (did you mean "${guess}"?)` : ''}`,
          this.at(node, (channel.key as Node).range![0]),
        )
      }
      settings.channel = value as Channel
    }
    const placeholders = this.pair(map, 'placeholders')
    if (placeholders) {
      const node = this.resolve(placeholders.value)
      const widths: unknown = node === null ? null : node.toJS(this.doc)
      const problem = widthsProblem(widths, 'placeholders')
      if (problem) {
        // At the offending width; a key yaml can only stringify ([a]) is found no more precisely than its mapping.
        const inner = (problem.path.length > 0 && yaml!.isMap(node) ? this.resolve(this.pair(node, String(problem.path[0]))?.value) : null) ?? node
        throw new TemplateError(problem.message, this.at(inner, (placeholders.key as Node).range![0]))
      }
      settings.widths = {...inherited.widths, ...(widths as Record<string, number>)}
    }
    return settings
  }

  /** The messages of one template: a mapping with message fields, or a bare string (its body). */
  template(node: Node | null, name: string, inherited: TemplateSettings, out: TemplateMessage[], where: number): void {
    const {isMap, isScalar} = yaml!
    if (isScalar(node) && typeof node.value === 'string') {
      this.message(node as Scalar<string>, 'body', inherited, out)
      return
    }
    const present = isMap(node) ? this.fields.filter((field) => this.pair(node, field)) : []
    if (!isMap(node) || present.length === 0) {
      const got = isMap(node) ? `a mapping without any of them` : show(node)
      throw new TemplateError(
        `${name}: expected a template (a mapping with ${this.fields.join(' or ')}, or a string), got ${got} (${notATemplate})`,
        this.at(node, where),
      )
    }
    const settings = this.settings(node, inherited)
    for (const field of present) {
      const value = this.resolve(this.pair(node, field)!.value)
      if (isScalar(value) && value.value === null) continue
      if (!isScalar(value) || typeof value.value !== 'string') {
        throw new TemplateError(`${name}: "${field}" must be text, got ${show(value)}`, this.at(value, where))
      }
      this.message(value as Scalar<string>, field, settings, out)
    }
  }

  message(node: Scalar<string>, field: string, settings: TemplateSettings, out: TemplateMessage[]): void {
    const map = mapScalar(node, this.base)
    this.#budget -= map.value.length
    if (this.#budget < 0) {
      throw new TemplateError(
        `YAML aliases repeat this text until the messages come to more than ${maxExpandedCharacters} characters, more than the file itself; write each message out, or keep aliases for short values`,
        this.at(node, 0),
      )
    }
    if (map.value.trim() === '') return
    out.push({text: map.value, field, markdown: false, toSource: (offset, edge) => toSource(map, offset, edge), ...settings})
  }
}

async function loadYaml(): Promise<void> {
  yaml ??= await import('yaml')
}

/**
 * The largest YAML or JSON collection read: yaml's document for it (kept with
 * its source tokens, for exact positions) takes about 180 MiB per MiB, so
 * peak memory stays under 400 MiB (4 MiB took 530 MiB).
 */
export const maxCollectionCharacters = 2 * 1024 * 1024

/** The templates of a YAML or JSON file. */
export async function extractCollection(text: string, kind: 'yaml' | 'json', fields: readonly string[]): Promise<TemplateMessage[]> {
  if (text.length > maxCollectionCharacters) {
    throw new TemplateError(`a template collection of ${text.length} characters is over the ${maxCollectionCharacters}-character limit; split it into several files`, 0)
  }
  if (kind === 'json') {
    const problem = jsonProblem(text)
    if (problem) throw new TemplateError(`invalid JSON: ${problem.message}`, problem.offset)
  }
  await loadYaml()
  const {isMap, isScalar, isSeq} = yaml!
  const doc = parse(text, 0)
  const reader = new Reader(doc, 0, fields, text.length)
  const out: TemplateMessage[] = []
  let root = reader.resolve(doc.contents)
  let settings: TemplateSettings = {}
  let declared = false
  if (root === null || (isScalar(root) && root.value === null)) return out
  if (isMap(root)) {
    const templates = reader.pair(root, 'templates')
    const inner = templates ? reader.resolve(templates.value) : null
    if (isSeq(inner) || isMap(inner)) {
      settings = reader.settings(root, settings)
      root = inner
      declared = true
    }
  }
  // A file none of whose entries looks like a template is some other YAML or
  // JSON (a tsconfig.json, a workflow); one that has any is a collection, and
  // its other entries are mistakes. A map's bare strings count only when all
  // its values are strings: a workflow's `name:` is not a template.
  const isString = (item: unknown) => {
    const node = reader.resolve(item)
    return isScalar(node) && typeof node.value === 'string'
  }
  const isTemplate = (item: unknown) => {
    const node = reader.resolve(item)
    return isMap(node) && fields.some((field) => reader.pair(node, field))
  }
  const entries = isSeq(root) ? root.items : isMap(root) ? root.items.map((pair) => pair.value) : []
  const collection = declared || entries.length === 0 || entries.some(isTemplate) || (isSeq(root) ? entries.some(isString) : entries.every(isString))
  if (!collection) {
    throw new TemplateError(
      `expected a list of templates, a "templates:" list or a map of names to templates (mappings with ${fields.join(' or ')}); found none (${notATemplate})`,
      reader.at(root, 0),
      true,
    )
  }
  if (isSeq(root)) {
    root.items.forEach((item, index) => reader.template(reader.resolve(item), `item ${index + 1}`, settings, out, 0))
  } else if (isMap(root)) {
    for (const pair of root.items) {
      const key = pair.key as Scalar
      reader.template(reader.resolve(pair.value), `"${String(key.value)}"`, settings, out, key.range![0])
    }
  } else {
    /* v8 ignore next -- @preserve a scalar root has no entries, so the check above threw */
    throw new TemplateError(`expected a list of templates, a "templates:" list or a map of names to templates; got ${show(root)} (${notATemplate})`, 0, true)
  }
  return out
}

/** The messages of a .md or .txt file: its body and, with front matter, the front matter's fields. */
export async function extractDocument(text: string, markdown: boolean, fields: readonly string[]): Promise<TemplateMessage[]> {
  const found = findFrontMatter(text)
  if (!found) return [{text, field: 'body', markdown, toSource: (offset) => offset}]
  await loadYaml()
  const [from, to] = found.yaml
  const doc = parse(text.slice(from, to), from)
  const reader = new Reader(doc, from, fields, text.length)
  const root = reader.resolve(doc.contents)
  const out: TemplateMessage[] = []
  let settings: TemplateSettings = {}
  if (yaml!.isMap(root)) {
    settings = reader.settings(root, settings)
    for (const field of fields) {
      const pair = reader.pair(root, field)
      const value = pair ? reader.resolve(pair.value) : null
      if (!pair || (yaml!.isScalar(value) && value.value === null)) continue
      if (!yaml!.isScalar(value) || typeof value.value !== 'string') {
        throw new TemplateError(`"${field}" in the front matter must be text, got ${show(value)}`, reader.at(value, 0))
      }
      reader.message(value as Scalar<string>, field, settings, out)
    }
  } else if (root !== null && !(yaml!.isScalar(root) && root.value === null)) {
    throw new TemplateError(`front matter must be a mapping, e.g. "phase: investigating"; got ${show(root)}`, reader.at(root, 0))
  }
  const body = found.body
  out.push({text: text.slice(body), field: 'body', markdown, toSource: (offset) => offset + body, ...settings})
  return out
}

export {findFrontMatter} from './front-matter.ts'
