/**
 * Inline control in Markdown: HTML comments switch rules for a region.
 *
 *   <!-- liaison-disable no-speculation -->   off from here (all rules when none is named)
 *   <!-- liaison-enable no-speculation -->    on again
 *   <!-- liaison-ignore-next max-length -->   off for the next node only
 *   <!-- liaison-disable a, b -- why -->      several ids; a reason after ` --`
 *
 * remark-message-control hard-wires mdast-comment-marker, whose syntax is
 * `<!--liaison disable x-->` (name, space, verb). The ESLint-style
 * `liaison-disable` needs our own marker parser, which only the engine under
 * it, unified-message-control, accepts; the region logic is all theirs.
 *
 * A comment that starts with `liaison` but is not understood is an error at
 * the comment: a typo there would otherwise leave a rule silently on or off.
 *
 * A report about the whole message (`scope: 'message'`: max-length's "too
 * long") has no one place that is too long, so it must not stand or fall by
 * where its place happens to start (where character 281 falls). It is
 * silenced when any `liaison-disable` or `liaison-ignore-next` comment in the
 * message turns its rule off, for however small a part: the rule cannot
 * judge a message it was told to skip part of.
 */
import type {Html, Root} from 'mdast'
import type {Transformer} from 'unified'
import type {Node} from 'unist'
import {type Marker, messageControl} from 'unified-message-control'
import type {VFile} from 'vfile'
import {compareMessage} from 'vfile-sort'
import {source} from './engine/rule.ts'
import {closest} from './core/did-you-mean.ts'

const verbs: Readonly<Record<string, 'disable' | 'enable' | 'ignore'>> = {
  'liaison-disable': 'disable',
  'liaison-enable': 'enable',
  'liaison-ignore-next': 'ignore',
}
const keywords = Object.keys(verbs)

interface Problem {
  reason: string
  node: Node
}

/** The words of the HTML comment `node` starts with, and whether the node holds nothing else. */
function commentWords(node: Html): {words: string[]; alone: boolean} | undefined {
  const value = node.value.trim()
  const end = value.indexOf('-->')
  if (!value.startsWith('<!--') || end === -1) return undefined
  const inner = value.slice(4, end)
  // ESLint's habits: ids separated by spaces or commas, and `-- why` after them.
  const why = inner.indexOf(' --')
  const words = (why === -1 ? inner : inner.slice(0, why)).split(/[\s,]+/).filter(Boolean)
  return {words, alone: end + 3 === value.length}
}

/** The rules a comment turns off somewhere (`true`: every rule). */
type TurnedOff = Set<string> | true

function parseMarker(node: Html, ruleIds: readonly string[], problems: Problem[], off: {rules: TurnedOff}): Marker | undefined {
  const comment = commentWords(node)
  const [keyword, ...ids] = comment?.words ?? []
  if (keyword === undefined || !(keyword === 'liaison' || keyword.startsWith('liaison-'))) return undefined
  if (!comment!.alone) {
    problems.push({node, reason: `A "${keyword}" comment must stand alone: put anything after it on its own line`})
    return undefined
  }
  const verb = verbs[keyword]
  if (!verb) {
    const guess = closest(keyword, keywords) ?? (keyword === 'liaison' && ids[0] ? closest(`liaison-${ids[0]}`, keywords) : undefined)
    problems.push({
      node,
      reason: `Unknown comment "${keyword}"${guess ? ` (did you mean "${guess}"?)` : ''}: expected ${keywords.join(', ')}`,
    })
    return undefined
  }
  const known: string[] = []
  for (const id of ids) {
    if (ruleIds.includes(id)) {
      known.push(id)
      continue
    }
    const guess = closest(id, ruleIds)
    problems.push({node, reason: `Unknown rule "${id}" in "${keyword}"${guess ? ` (did you mean "${guess}"?)` : ''}`})
  }
  // Naming only unknown rules must not widen into "every rule".
  if (ids.length > 0 && known.length === 0) return undefined
  if (verb !== 'enable' && off.rules !== true) {
    if (known.length === 0) off.rules = true
    else for (const id of known) off.rules.add(id)
  }
  return {name: source, attributes: [verb, ...known].join(' ')}
}

/** A remark transformer; use it after remark-retext so the rules' messages exist. */
export function commentControl(ruleIds: readonly string[]): Transformer<Root> {
  return (tree: Root, file: VFile) => {
    const problems: Problem[] = []
    const off: {rules: TurnedOff} = {rules: new Set()}
    messageControl(tree, {
      file,
      name: source,
      test: 'html',
      marker: (node) => parseMarker(node as Html, ruleIds, problems, off),
    })
    const silenced = off.rules
    if (silenced === true || silenced.size > 0) {
      file.messages = file.messages.filter(
        (message) => message.scope !== 'message' || !(silenced === true || silenced.has(message.ruleId!)),
      )
    }
    // Reported after filtering, so a disabled region cannot hide a broken comment.
    for (const {node, reason} of problems) {
      const message = file.message(reason, {place: node.position, source})
      message.fatal = true
    }
    if (problems.length > 0) file.messages.sort(compareMessage)
  }
}
