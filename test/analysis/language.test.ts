/**
 * Language detection (src/analysis/language.ts): English is never misread,
 * however short, and the languages status updates are written in are named.
 */
import {readFileSync} from 'node:fs'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {rules} from '../../rules/index.ts'
import {detectLanguage, english, languageName, readsLanguage, undetermined} from '../../src/analysis/language.ts'
import {getDoc} from '../../src/engine/doc.ts'
import {findSharedCorpus} from '../../scripts/eval-sets.ts'
import {loadFixtures} from '../support/fixtures.ts'

const parser = unified().use(retextEnglish)

function detect(text: string): string {
  const file = new VFile(text)
  return getDoc(parser.parse(file), file).language
}

const readsAsEnglish = [english, undetermined]

describe('every English text reads as English, or as too short to tell', () => {
  const cases = rules.flatMap((rule) => {
    const {flagged, passing} = loadFixtures(rule.meta.id)
    return [...flagged, ...passing].map((c) => [rule.meta.id, c.text, c.language] as const)
  })

  it.each(cases)('%s: %s', (_, text, language) => {
    if (language === undefined) expect(readsAsEnglish).toContain(detect(text))
    else expect(detect(text)).toBe(language)
  })

  const corpus = findSharedCorpus()
  const messages = corpus === undefined ? [] : readFileSync(corpus, 'utf8').split('\n').filter((line) => line.trim())
  it.skipIf(corpus === undefined)('every shared-corpus message (../shared/corpus, skipped when it is not beside the project)', () => {
    const misread = messages.map((line) => (JSON.parse(line) as {text: string}).text).filter((text) => !readsAsEnglish.includes(detect(text)))
    expect(messages.length).toBeGreaterThan(200)
    expect(misread).toEqual([])
  })

  it.each([
    'Resolved.',
    'Investigating',
    'ETA 2h',
    'Degraded performance',
    'São Paulo region degraded.',
    'Login errors in München',
    'The Los Angeles and San Diego regions are degraded.',
    'Our office in Rio de Janeiro is unaffected by the outage.',
    'Le Monde and El País readers may see slow pages.',
    'The OS update for macOS is delayed.',
    'Customers see the error "Une erreur est survenue" when saving.',
    'Customers see the error `Le service est indisponible` when saving.',
    'Customers see 「接続できません」 when logging in.',
  ])('%s', (text) => {
    expect(readsAsEnglish).toContain(detect(text))
  })
})

describe('other languages', () => {
  it.each([
    ['Nous enquêtons sur des erreurs de connexion. Le service devrait être rétabli sous peu.', 'fra'],
    ["L'incident est résolu et les paiements fonctionnent à nouveau.", 'fra'],
    ['Wir untersuchen derzeit Fehler bei der Anmeldung und melden uns mit einem Update.', 'deu'],
    ['Estamos investigando errores en los pagos de algunos comercios.', 'spa'],
    ['Estamos investigando erros no login de alguns clientes, não há perda de dados.', 'por'],
    ['De oorzaak is gevonden en er wordt een oplossing uitgerold.', 'nld'],
    ['Stiamo indagando su errori di accesso per alcuni clienti.', 'ita'],
    ['現在、一部のお客様でログインできない問題が発生しています。', 'jpn'],
    ['일부 사용자가 로그인할 수 없는 문제를 조사하고 있습니다.', 'kor'],
    ['Мы расследуем ошибки при входе в систему.', 'rus'],
    ['调查中，部分用户无法登录。', 'cmn'],
    ['Ερευνούμε το πρόβλημα σύνδεσης.', 'ell'],
    // Two scripts: the one with more letters decides.
    ['Ερευνούμε το πρόβλημα σύνδεσης: Ошибка', 'ell'],
    // A script not listed is still not English.
    ['Մենք ուսումնասիրում ենք խնդիրը', 'mis'],
  ])('%s → %s', (text, language) => {
    expect(detect(text)).toBe(language)
  })

  it('reads a message too short to tell as undetermined, which rules read as English', () => {
    expect(detect('Störung beendet.')).toBe(undetermined)
    expect(detect('🚧')).toBe(undetermined)
    expect(readsLanguage([english], undetermined)).toBe(true)
  })

  it('needs more function words of another language than English ones', () => {
    expect(detect('We are seeing errors on la page de connexion and we are investigating.')).toBe(english)
  })

  it('breaks a tie between close languages by the words only one of them has', () => {
    // "para", "que" and "de" are Spanish and Portuguese alike; "del" and "não" are not.
    expect(detect('Seguimos trabajando para que los pagos de tarjeta funcionen.')).toBe('spa')
    expect(detect('Continuamos trabalhando para que pagamentos de cartão não falhem.')).toBe('por')
    expect(detect('Trabajamos para que funcione.')).toBe('spa')
    // A constructed tie, three words each: "la" is Spanish (and French, Italian), "não" Portuguese alone.
    expect(detect('Para que la conexão não falhe.')).toBe('por')
  })

  it('reads only prose: literal words and quotes do not count', () => {
    const text = 'Nous enquêtons sur des erreurs.'
    expect(detectLanguage({text, sentences: []})).toBe(undetermined)
  })
})

describe('readsLanguage', () => {
  it('runs a rule without languages on every message', () => {
    expect(readsLanguage(undefined, 'fra')).toBe(true)
  })

  it('runs an English rule on English and on messages too short to tell, not on others', () => {
    expect(readsLanguage([english], english)).toBe(true)
    expect(readsLanguage([english], 'fra')).toBe(false)
    expect(readsLanguage(['fra'], undetermined)).toBe(false)
  })

  it('names languages, and falls back to the code', () => {
    expect(languageName('fra')).toBe('French')
    expect(languageName('jpn')).toBe('Japanese')
    expect(languageName('xyz')).toBe('xyz')
  })
})
