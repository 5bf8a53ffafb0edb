/**
 * Checking fixes to a template file by reading it again: every message must
 * read exactly as before, with each fix's replacement in place of the text it
 * covered. A YAML or JSON scalar can read differently from what was written
 * into it (a quote ends it, `: ` or ` #` changes a plain scalar, trailing
 * spaces are trimmed), and a fix that would change more than its words is
 * not a fix.
 */
import {extractCollection, extractDocument, type TemplateMessage} from '../templates/extract.ts'
import type {Fix, VerifyFixes} from './fix.ts'
import type {FileKind} from './kinds.ts'

async function extract(kind: FileKind, text: string, fields: readonly string[]): Promise<TemplateMessage[] | undefined> {
  try {
    return kind === 'yaml' || kind === 'json' ? await extractCollection(text, kind, fields) : await extractDocument(text, kind === 'markdown', fields)
  } catch {
    // A fix that breaks the file is not one.
    return undefined
  }
}

/** Where in `message` the source range `[from, to)` lies, when it lies exactly on its characters. */
function inMessage(message: TemplateMessage, from: number, to: number): [number, number] | undefined {
  let start: number | undefined
  for (let i = 0; i <= message.text.length; i++) {
    if (start === undefined && message.toSource(i, 'start') === from) start = i
    if (start !== undefined && message.toSource(i, 'end') === to) return [start, i]
  }
  return undefined
}

export function verifyTemplateFixes(kind: FileKind, fields: readonly string[]): VerifyFixes {
  return async (before, after, applied) => {
    const [old, fixed] = await Promise.all([extract(kind, before, fields), extract(kind, after, fields)])
    if (!old || !fixed || old.length !== fixed.length) return false
    const left = new Set<Fix>(applied)
    for (const [index, message] of old.entries()) {
      const span = [message.toSource(0, 'start'), message.toSource(message.text.length, 'end')] as const
      const edits: Array<[number, number, string]> = []
      for (const fix of left) {
        if (fix.range[0] < span[0] || fix.range[1] > span[1]) continue
        const at = inMessage(message, fix.range[0], fix.range[1])
        if (!at) return false
        edits.push([...at, fix.text])
        left.delete(fix)
      }
      let expected = message.text
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) expected = expected.slice(0, start) + text + expected.slice(end)
      if (fixed[index]!.text !== expected) return false
    }
    // A fix outside every message touched something that is not one.
    return left.size === 0
  }
}
