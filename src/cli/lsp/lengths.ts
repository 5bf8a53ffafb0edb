/**
 * For the hover on a template: how long each of its messages can get on
 * every channel, with every placeholder at its widest (the config's widths,
 * then the template's own), as max-length measures a template. A draft
 * without front matter is no template: it has nothing to fill in.
 */
import {location} from 'vfile-location'
import {channels, measure} from '../../analysis/length.ts'
import {widest} from '../../analysis/worst-case.ts'
import {findFrontMatter} from '../../templates/front-matter.ts'
import type {FileKind} from '../kinds.ts'
import type {FileLintOptions} from '../templates.ts'
import type {MessageLengths} from './problems.ts'

export async function messageLengths(kind: FileKind, text: string, options: FileLintOptions): Promise<MessageLengths[]> {
  const collection = kind === 'yaml' || kind === 'json'
  if (!collection && (kind === 'mdx' || !findFrontMatter(text))) return []
  const {extractCollection, extractDocument} = await import('../../templates/extract.ts')
  const fields = Object.keys(options.templates?.fields ?? {title: {}, body: {}})
  const messages = collection ? await extractCollection(text, kind, fields) : await extractDocument(text, kind === 'markdown', fields)
  const place = location(text)
  const position = (offset: number) => {
    const point = place.toPoint(offset)!
    return {line: point.line - 1, character: point.column - 1}
  }
  return messages.map((message) => {
    const placeholders = {...options.placeholders, widths: {...options.placeholders?.widths, ...message.widths}}
    const filled = widest(message.text, placeholders)
    return {
      range: {start: position(message.toSource(0, 'start')), end: position(message.toSource(message.text.length, 'end'))},
      field: message.field,
      lengths: channels.map((channel) => {
        const {length, limit} = measure(filled, channel)
        return {channel, length, limit}
      }),
    }
  })
}
