/**
 * Template placeholders: each syntax is found with its name, the set is
 * configurable, the scan is linear, widths resolve, options are checked, and
 * a placeholder is opaque to every prose rule while still reading as a noun.
 */
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {findMasks, findPlaceholders} from '../../src/text/mask.ts'
import {placeholderPatterns} from '../../src/text/placeholder-patterns.ts'
import {checkPlaceholders, nameParts, placeholderProblem, placeholderWidth, widthsProblem} from '../../src/text/placeholders.ts'
import {getDoc} from '../../src/engine/doc.ts'
import {liaison, lint} from '../../src/index.ts'
import {lintMarkdown} from '../../src/markdown.ts'

/** Each placeholder as written, with its syntax and name (its label and lead are tested on their own). */
function found(text: string, syntaxes?: Parameters<typeof findPlaceholders>[1]) {
  return findPlaceholders(text, syntaxes).map((m) => {
    const {label: _, lead: __, ...info} = m.placeholder!
    return [text.slice(m.start, m.end), info]
  })
}

describe('placeholder syntaxes', () => {
  it.each([
    ['mustache', 'Hi {{ component }} and {{{raw_html}}} and {{component | upcase}}.', [
      ['{{ component }}', {syntax: 'mustache', name: 'component'}],
      ['{{{raw_html}}}', {syntax: 'mustache', name: 'raw_html'}],
      ['{{component | upcase}}', {syntax: 'mustache', name: 'component'}],
    ]],
    ['mustache sections, comments and whitespace control', '{{#impact}}{{/impact}}{{^x}}{{! note }}{{else}}{{- name -}}{{&html}}{{> partial}}{{~ tilde}}', [
      ['{{#impact}}', {syntax: 'mustache', name: 'impact', control: true}],
      ['{{/impact}}', {syntax: 'mustache', name: 'impact', control: true}],
      ['{{^x}}', {syntax: 'mustache', name: 'x', control: true}],
      ['{{! note }}', {syntax: 'mustache', name: 'note', control: true}],
      ['{{else}}', {syntax: 'mustache', name: 'else', control: true}],
      ['{{- name -}}', {syntax: 'mustache', name: 'name'}],
      ['{{&html}}', {syntax: 'mustache', name: 'html'}],
      ['{{> partial}}', {syntax: 'mustache', name: 'partial'}],
      ['{{~ tilde}}', {syntax: 'mustache', name: 'tilde'}],
    ]],
    ['tag', '{% if impact %}x{%- endif -%} {% %}', [
      ['{% if impact %}', {syntax: 'tag', name: 'if', control: true}],
      ['{%- endif -%}', {syntax: 'tag', name: 'endif', control: true}],
      ['{% %}', {syntax: 'tag', name: undefined, control: true}],
    ]],
    ['dollar', 'At ${status_url} and ${ region:-eu } and ${}.', [
      ['${status_url}', {syntax: 'dollar', name: 'status_url'}],
      ['${ region:-eu }', {syntax: 'dollar', name: 'region'}],
      ['${}', {syntax: 'dollar', name: undefined}],
    ]],
    ['printf', 'Down: %s, %d, %(component)s and %(count)d.', [
      ['%s', {syntax: 'printf'}],
      ['%d', {syntax: 'printf'}],
      ['%(component)s', {syntax: 'printf', name: 'component'}],
      ['%(count)d', {syntax: 'printf', name: 'count'}],
    ]],
    ['angle', '<COMPONENT> in <EU_WEST-1> for <START_TIME>.', [
      ['<COMPONENT>', {syntax: 'angle', name: 'COMPONENT'}],
      ['<EU_WEST-1>', {syntax: 'angle', name: 'EU_WEST-1'}],
      ['<START_TIME>', {syntax: 'angle', name: 'START_TIME'}],
    ]],
    ['bracket', '[COMPONENT] is down for [CUSTOMER_IMPACT].', [
      ['[COMPONENT]', {syntax: 'bracket', name: 'COMPONENT'}],
      ['[CUSTOMER_IMPACT]', {syntax: 'bracket', name: 'CUSTOMER_IMPACT'}],
    ]],
  ])('finds %s placeholders with their names', (_, text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  it.each([
    ['a literal percent sign, %%', 'Up 5%% from %%s'],
    ['%s glued to a word', 'the %sservice and %dx'],
    ['printf names that are not identifiers', '%(a b)s %(1x)s %(name)x %(' + 'n'.repeat(80) + ')s'],
    ['two capitals in brackets, a code', '[EU] [US] [P1]'],
    ['status labels in any case', '[RESOLVED] [Update] <MONITORING> [Scheduled Maintenance]'],
    ['angles that do not start with a letter', '<1ABC> < 200ms and > 100ms <-'],
    ['unclosed or multi-line pairs', '{{ open\n}} ${never [ABC <ABC'],
    ['a pair longer than any guidance', `[${'a '.repeat(160)}]`],
  ])('leaves alone %s', (_, text) => {
    expect(found(text)).toEqual([])
  })

  it('keeps the outer placeholder where two overlap', () => {
    expect(found('{{{a}}} ${ {{b}} } {{ %s }}').map(([text]) => text)).toEqual(['{{{a}}}', '${ {{b}', '{{ %s }}'])
  })

  it('recognises only the syntaxes asked for', () => {
    const text = '{{a}} {% b %} ${c} %s <DDD> [EEE]'
    expect(found(text, ['printf', 'bracket']).map(([t]) => t)).toEqual(['%s', '[EEE]'])
    expect(found(text, [])).toEqual([])
    expect(findMasks(text, [], ['dollar']).map((m) => m.kind)).toEqual(['placeholder'])
  })

  // No clock in the assertion (the machine is shared): a linear scan of these
  // 400,000-unit inputs takes about a second, a quadratic one days, so only
  // the test's generous timeout can end a regression.
  it('scans hostile input in linear time', {timeout: 600_000}, () => {
    for (const unit of ['{{', '{{{', '{%', '${', '%(', '%', '<A', '[AB', '[ABCDEFGHIJ', '}}{{']) {
      findPlaceholders(unit.repeat(400_000))
    }
  })
})

describe('widths and names', () => {
  it('takes a declared width by name, case-insensitively, else the default; control tags count 0', () => {
    const options = {widths: {Component: 30}, defaultWidth: 12}
    expect(placeholderWidth({syntax: 'bracket', name: 'COMPONENT'}, options)).toBe(30)
    expect(placeholderWidth({syntax: 'mustache', name: 'region'}, options)).toBe(12)
    expect(placeholderWidth({syntax: 'printf'}, options)).toBe(12)
    expect(placeholderWidth({syntax: 'mustache', name: 'region'})).toBe(20)
    expect(placeholderWidth({syntax: 'tag', name: 'if', control: true})).toBe(0)
    expect(placeholderWidth({syntax: 'tag', name: 'include', control: true}, {widths: {include: 80}})).toBe(80)
  })

  it('splits names into words', () => {
    expect(nameParts('customer_impact')).toEqual(['customer', 'impact'])
    expect(nameParts('customerImpact2')).toEqual(['customer', 'impact2'])
    expect(nameParts('incident.IMPACT-summary')).toEqual(['incident', 'impact', 'summary'])
    expect(nameParts('__')).toEqual([])
  })
})

describe('placeholder options', () => {
  it.each([
    [null, '"placeholders" must be an object with any of syntaxes, patterns, widths, defaultWidth; got null', []],
    [[], '"placeholders" must be an object with any of syntaxes, patterns, widths, defaultWidth; got a list', []],
    [{width: {}}, '"placeholders" has an unknown key "width" (did you mean "widths"?); it takes syntaxes, patterns, widths, defaultWidth', ['width']],
    [{colour: 1}, '"placeholders" has an unknown key "colour"; it takes syntaxes, patterns, widths, defaultWidth', ['colour']],
    [{syntaxes: 'mustache'}, '"placeholders.syntaxes" must be a list of syntaxes from mustache, tag, dollar, printf, angle, bracket, brace, shell; got "mustache"', ['syntaxes']],
    [{syntaxes: ['mustache', 'mustach']}, '"placeholders.syntaxes": unknown syntax "mustach" (did you mean "mustache"?); expected any of mustache, tag, dollar, printf, angle, bracket, brace, shell', ['syntaxes', 1]],
    [{syntaxes: [3]}, '"placeholders.syntaxes": unknown syntax 3; expected any of mustache, tag, dollar, printf, angle, bracket, brace, shell', ['syntaxes', 0]],
    [{widths: [1]}, '"placeholders.widths" must map placeholder names to widths, e.g. {component: 30}; got a list', ['widths']],
    [{widths: {component: -1}}, '"placeholders.widths": the width of "component" must be a whole number of characters (0 or more), got -1', ['widths', 'component']],
    [{widths: {component: '30'}}, '"placeholders.widths": the width of "component" must be a whole number of characters (0 or more), got "30"', ['widths', 'component']],
    [{defaultWidth: 2.5}, '"placeholders.defaultWidth" must be a whole number of characters (0 or more), got 2.5', ['defaultWidth']],
    [{patterns: '/%%(\\w+)%%/'}, String.raw`"placeholders.patterns": must be a list of /regex/flags strings, e.g. [/\*\|(\w+)\|\*/] for *|FNAME|*`, ['patterns']],
    [{patterns: ['/%%(\\w+)%%/', 3]}, '"placeholders.patterns": item 2 must be a /regex/flags string, got number', ['patterns', 1]],
    [{patterns: ['*|FNAME|*']}, String.raw`"placeholders.patterns": pattern "*|FNAME|*" must be a regular expression written /regex/flags, e.g. /\*\|(\w+)\|\*/ for *|FNAME|*`, ['patterns', 0]],
    [{patterns: ['/(a+)\\1/']}, String.raw`"placeholders.patterns": pattern "/(a+)\\1/" cannot be matched in guaranteed linear time (it uses a backreference); patterns run on RE2, which has no lookaround ((?=, (?!, (?<=, (?<!) and no backreferences (\1, \k<name>): rewrite it without them`, ['patterns', 0]],
    [{patterns: ['/%%\\w*%%/g']}, String.raw`"placeholders.patterns": pattern "/%%\\w*%%/g" has flag "g"; use only d, i, m, s or u (g and y make matching stateful)`, ['patterns', 0]],
    [{patterns: ['/x*/']}, '"placeholders.patterns": pattern "/x*/" matches empty text; a placeholder is at least one character', ['patterns', 0]],
  ])('rejects %j', (value, message, path) => {
    expect(placeholderProblem(value)).toEqual({message, path})
    expect(() => checkPlaceholders(value)).toThrow(`liaison: ${message}`)
  })

  it('accepts every option, and names widths with their own label', () => {
    const value = {syntaxes: ['mustache'], patterns: ['/%%(\\w+)%%/'], widths: {component: 0}, defaultWidth: 5}
    expect(checkPlaceholders(value)).toBe(value)
    expect(widthsProblem({a: {}}, 'placeholders')?.message).toBe('"placeholders": the width of "a" must be a whole number of characters (0 or more), got an object')
  })
})

describe('patterns a team declares', () => {
  const merge = String.raw`/\*\|(\w+)\|\*/`
  const find = (text: string, patterns: string[], syntaxes?: Parameters<typeof findPlaceholders>[1]) =>
    findPlaceholders(text, syntaxes, placeholderPatterns(patterns)).map((m) => [text.slice(m.start, m.end), m.placeholder!.syntax, m.placeholder!.name])

  it('names each match by its group "name", else its first group, else the whole match, at UTF-16 offsets', () => {
    expect(find('😀 Hi *|FNAME|*, and *|IMPACT|*', [merge])).toEqual([['*|FNAME|*', 'custom', 'FNAME'], ['*|IMPACT|*', 'custom', 'IMPACT']])
    expect(find('Hi %%first_name%% in :region:', [String.raw`/%%(?<name>\w+)%%/`, '/:[a-z]+:/'])).toEqual([
      ['%%first_name%%', 'custom', 'first_name'],
      [':region:', 'custom', ':region:'],
    ])
    // A group that took no part in the match: the whole match names it.
    expect(find('Reply to @@ now', [String.raw`/%(\w+)%|@@/`])).toEqual([['@@', 'custom', '@@']])
  })

  it('is recognised whatever the syntaxes, and beside them; where two overlap, the earlier (then the longer) wins', () => {
    expect(find('*|FNAME|* and {{component}}', [merge], [])).toEqual([['*|FNAME|*', 'custom', 'FNAME']])
    expect(find('{{a}} *|B|*', [merge, '/\\{\\{a\\}\\} \\*/'])).toEqual([['{{a}} *', 'custom', '{{a}} *']])
  })

  it('skips a match that is empty only in context, and compiles each source once', () => {
    expect(find('ab cd', [String.raw`/\b/`])).toEqual([])
    expect(placeholderPatterns([merge])[0]).toBe(placeholderPatterns([merge])[0])
  })

  it('reads each placeholder for what it stands for, and keeps its words from the rules', async () => {
    const text = 'Dear *|FNAME|*, *|IMPACT|*. We think *|HOST|* is slow. Next update in 30 minutes.'
    const own = await lint(text, {preset: 'strict', placeholders: {patterns: [merge]}})
    expect(own.messages.map((m) => `${m.ruleId}: ${m.actual}`)).toEqual(['no-speculation: We think'])
    const plain = await lint(text, {preset: 'strict'})
    expect(plain.messages.map((m) => m.ruleId)).toContain('require-impact')
  })

  it('counts at a declared width in max-length', async () => {
    const text = `Payments are failing for *|REGION|* customers. ${'Requests may fail. '.repeat(10)}Next update in 30 minutes.`
    const wide = await lint(text, {placeholders: {patterns: [merge], widths: {region: 60}}})
    expect(wide.messages.map((m) => m.reason)).toEqual([
      'worst case 313/280 for twitter when *|REGION|* is 60 characters; shorten it by 33 so it posts whole with the longest values',
    ])
  })
})

describe('placeholders in the API', () => {
  const long = `We are investigating errors with {{component}} for some customers. ${'Requests may fail. '.repeat(8)}Next update in 30 minutes.`

  it('lint() takes them per call, without a new processor', async () => {
    const narrow = await lint(long, {placeholders: {widths: {component: 5}}, rules: {'require-impact': 'off'}})
    const wide = await lint(long, {placeholders: {widths: {component: 60}}, rules: {'require-impact': 'off'}})
    expect(narrow.messages.map((m) => m.reason)).toEqual([])
    expect(wide.messages.map((m) => m.reason)).toEqual([
      'worst case 292/280 for twitter when {{component}} is 60 characters; shorten it by 12 so it posts whole with the longest values',
    ])
    await expect(lint('x', {placeholders: {widths: {a: -1}}})).rejects.toThrow('"placeholders.widths": the width of "a"')
  })

  it('lintMarkdown() and the liaison plugin take them too; a file’s own win', async () => {
    const markdown = await lintMarkdown(`# Update\n\n${long}`, {placeholders: {widths: {component: 60}}})
    expect(markdown.messages.map((m) => m.messageId)).toContain('worstCase')
    const processor = unified().use(retextEnglish).use(liaison, {placeholders: {widths: {component: 60}}})
    const fromPlugin = new VFile(long)
    await processor.run(processor.parse(fromPlugin), fromPlugin)
    expect(fromPlugin.messages.map((m) => m.messageId)).toContain('worstCase')
    const own = new VFile(long)
    own.data.placeholders = {widths: {component: 1}}
    await processor.run(processor.parse(own), own)
    expect(own.messages.map((m) => m.messageId)).not.toContain('worstCase')
    expect(() => unified().use(retextEnglish).use(liaison, {placeholders: {syntaxes: ['x']}} as never).freeze()).toThrow('unknown syntax "x"')
  })

  it('turns syntaxes off: an unrecognised placeholder is prose again', async () => {
    const text = 'We think {{db-primary-03}} is down. Next update in 30 minutes.'
    const on = await lint(text)
    const off = await lint(text, {placeholders: {syntaxes: ['bracket', 'angle']}})
    expect(on.messages.map((m) => m.ruleId)).toEqual(['no-speculation'])
    expect(off.messages.map((m) => m.ruleId).sort()).toEqual(['no-internal-hostname', 'no-speculation'])
  })
})

describe('a placeholder is opaque to every prose rule', () => {
  it.each([
    ['a hostname', ['{{ db-primary-03 }}', '{% include db-primary-03 %}', '${db-01.corp.internal}', '%(db01)s', '<DB-PRIMARY-03>', '[DB-PRIMARY-03]', '{{ 10.0.4.12 }}']],
    ['a guess', ['{{ probably }}', '{% if we_think %}{% endif %}', '${probably}', '%(probably)s', '<PROBABLY>', '[WE_THINK]']],
    ['an estimate', ['{{ within the hour }}', '{% in 10 minutes %}', '${in_10_minutes}', '%(within_the_hour)s', '<WITHIN_THE_HOUR>', '[IN_30_MINUTES]']],
  ])('never %s', async (_, placeholders) => {
    for (const placeholder of placeholders) {
      const text = `Customers cannot log in to ${placeholder} right now. Next update in 30 minutes.`
      const file = await lint(text, {preset: 'strict'})
      expect(file.messages.map((m) => `${m.ruleId}: ${m.actual}`), text).toEqual([])
    }
  })

  it.each([
    ['{{component}} is down.', 1],
    ['{{{component}}} is down.', 1],
    ['[COMPONENT] is down for <REGION> customers.', 1],
    ['%(component)s is down. ${region} customers see errors.', 2],
    ['{% if x %}{{component}} is down.{% endif %} Next update in 30 minutes.', 2],
  ])('stands in a sentence as a noun: %s', (text, sentences) => {
    const processor = unified().use(retextEnglish)
    const file = new VFile(text)
    const doc = getDoc(processor.parse(file), file)
    expect(doc.sentences).toHaveLength(sentences)
    const words = doc.sentences.flatMap((sentence) => sentence.words)
    expect(words.find((word) => word.norm === 'down')?.literal).toBe(false)
    expect(words.filter((word) => /component|region/.test(word.norm)).every((word) => word.literal)).toBe(true)
  })

  it('counts an impact placeholder only in prose, not in a code block', async () => {
    const prose = await lintMarkdown('We are investigating.\n\nImpact: {{impact}}\n')
    const code = await lintMarkdown('We are investigating.\n\n```\n{{impact}}\n```\n')
    expect(prose.messages.map((m) => m.ruleId)).toEqual([])
    expect(code.messages.map((m) => m.ruleId)).toEqual(['require-impact'])
  })

  it('and a sentence that is all placeholder still states its impact through the rules that read prose', async () => {
    const file = await lint('{{component}} is down. Next update in 30 minutes.', {preset: 'strict'})
    expect(file.messages).toEqual([])
  })
})
