/**
 * The one note a file gets when rules that read another language were
 * skipped on it: "This message reads as French (fra), so the rules that
 * read English wording did not run: no-resolution-estimate, …". An info
 * message (not fatal, no `ruleId`: no rule reported it), with
 * `messageId: 'skippedLanguage'` and the language and rules in `data`, so
 * tools can find it without parsing the text.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {english, type LanguageCode, languageName} from '../analysis/language.ts'

export const skippedMessageId = 'skippedLanguage'
const url = 'https://github.com/liaison-lint/liaison/blob/main/docs/languages.md'

/** The note each file already has, so rules that run one by one (`.use(rule)`) still add one note between them. */
const notes = new WeakMap<VFile, {message: VFileMessage; ids: string[]}>()

function reasonFor(language: LanguageCode, ids: readonly string[]): string {
  return `This message reads as ${languageName(language)} (${language}), so the rules that read ${languageName(english)} wording did not run: ${ids.join(', ')}. The other rules ran as usual.`
}

/** Add (or extend) the file's note that `ids` were skipped because the message is in `language`. */
export function noteSkipped(file: VFile, language: LanguageCode, ids: readonly string[]): void {
  const existing = notes.get(file)
  if (existing && file.messages.includes(existing.message)) {
    existing.ids.push(...ids.filter((id) => !existing.ids.includes(id)))
    existing.message.reason = existing.message.message = reasonFor(language, existing.ids)
    existing.message.data = {language, rules: existing.ids.join(', ')}
    return
  }
  const message = file.info(reasonFor(language, ids), {source: 'liaison'})
  message.messageId = skippedMessageId
  message.data = {language, rules: ids.join(', ')}
  message.url = url
  notes.set(file, {message, ids: [...ids]})
  message.note = `liaison's wording rules (estimates, guesses, impact, next updates) read ${languageName(english)}; on other languages they would misread the text, so they stand aside. Rules that do not depend on the language, such as hostnames and length, still check this message.`
}
