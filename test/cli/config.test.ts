/**
 * Config discovery and errors, through `run()` in-process: every supported
 * file name, nesting (nearest wins, no cascade), -c, --no-config,
 * --print-config, and a precise error for each kind of mistake.
 */
import {describe, expect, it} from 'vitest'
import {rules} from '../../rules/index.ts'
import {cli, jsonResults, onlyMaxLength, project, spawnBin, words} from './support.ts'

/** Which channel max-length used for `file`, read back from --print-config. */
async function printed(dir: string, file: string, argv: string[] = []) {
  const {code, stdout, stderr} = await cli(dir, ['--print-config', file, ...argv])
  expect({code, stderr}).toEqual({code: 0, stderr: ''})
  return JSON.parse(stdout) as {configFile: string | null; preset: string; ignores: string[]; rules: Record<string, [string, Record<string, unknown>?]>}
}

const sms = {rules: {'max-length': ['error', {channel: 'sms'}]}}

describe('config discovery', () => {
  it.each([
    ['.liaisonrc.json', JSON.stringify(sms)],
    ['.liaisonrc.yaml', 'rules:\n  max-length: [error, {channel: sms}]\n'],
    ['.liaisonrc.yml', 'rules:\n  max-length: [error, {channel: sms}]\n'],
    ['.liaisonrc', 'rules:\n  max-length: [error, {channel: sms}]\n'],
    ['liaison.config.json', JSON.stringify(sms)],
    ['liaison.config.mjs', `export default ${JSON.stringify(sms)}\n`],
    ['liaison.config.js', `export default ${JSON.stringify(sms)}\n`],
    ['package.json', JSON.stringify({name: 'drafts', liaison: sms})],
  ])('finds %s above the file', async (name, content) => {
    const dir = project({[name]: content, 'a/b/draft.txt': 'x', 'package.json': JSON.stringify({name: 'drafts'}), ...(name === 'package.json' ? {[name]: content} : {})})
    const config = await printed(dir, 'a/b/draft.txt')
    expect(config.configFile).toBe(`${dir}/${name}`)
    expect(config.rules['max-length']).toEqual(['error', {channel: 'sms'}])
  })

  it('skips a package.json without a "liaison" key', async () => {
    const dir = project({'package.json': {name: 'x'}, 'sub/package.json': {name: 'y'}, '.liaisonrc.json': sms})
    expect((await printed(dir, 'sub/draft.md')).configFile).toBe(`${dir}/.liaisonrc.json`)
  })

  it('applies the nearest config alone: nested configs do not cascade', async () => {
    const dir = project({
      '.liaisonrc.json': {extends: 'strict', channel: 'sms', ignores: ['old/**']},
      'team/.liaisonrc.yaml': 'channel: mastodon\n',
    })
    const outer = await printed(dir, 'draft.txt')
    expect(outer).toMatchObject({preset: 'strict', ignores: ['old/**']})
    const inner = await printed(dir, 'team/draft.txt')
    expect(inner.configFile).toBe(`${dir}/team/.liaisonrc.yaml`)
    expect(inner).toMatchObject({preset: 'recommended', ignores: []})
    expect(inner.rules['max-length']![1]).toMatchObject({channel: 'mastodon'})
  })

  it('lints each file with its own nearest config', async () => {
    const text = words(200)
    const dir = project({
      '.liaisonrc.json': {rules: onlyMaxLength()},
      'a.txt': text,
      'sms/.liaisonrc.json': {rules: onlyMaxLength(), channel: 'sms'},
      'sms/b.txt': text,
    })
    const {code, stdout} = await cli(dir, ['a.txt', 'sms/b.txt', '-f', 'json'])
    expect(code).toBe(1)
    const results = jsonResults(stdout)
    expect(results.map((r) => r.errorCount)).toEqual([0, 1])
    expect(results[1]?.messages[0]?.messageId).toBe('tooManySegments')
  })

  it('treats an empty config file as every default, and stops the search there', async () => {
    const dir = project({'.liaisonrc.json': {extends: 'strict'}, 'sub/.liaisonrc.yaml': ''})
    expect(await printed(dir, 'sub/x.md')).toMatchObject({configFile: `${dir}/sub/.liaisonrc.yaml`, preset: 'recommended'})
  })

  it('uses -c for every file, and --no-config for none', async () => {
    const dir = project({'.liaisonrc.json': {extends: 'strict'}, 'conf/mine.yaml': 'channel: bluesky\n'})
    const explicit = await printed(dir, 'x.txt', ['-c', 'conf/mine.yaml'])
    expect(explicit.configFile).toBe(`${dir}/conf/mine.yaml`)
    expect(explicit.rules['max-length']![1]).toMatchObject({channel: 'bluesky'})
    const none = await printed(dir, 'x.txt', ['--no-config'])
    expect(none).toMatchObject({configFile: null, preset: 'recommended'})
  })

  it('prints every rule with its options resolved', async () => {
    const config = await printed(project(), 'x.txt')
    expect(Object.keys(config.rules)).toEqual(rules.map((rule) => rule.meta.id))
    expect(config.rules['max-length']).toEqual(['error', {channel: 'twitter'}])
  })
})

describe('settings from the command line', () => {
  it('--channel beats the config; a severity alone keeps the options set before it', async () => {
    const dir = project({'.liaisonrc.json': {channel: 'sms', rules: {'max-length': ['error', {limit: 100}]}}})
    expect((await printed(dir, 'x.txt')).rules['max-length']).toEqual(['error', {channel: 'sms', limit: 100}])
    expect((await printed(dir, 'x.txt', ['--channel', 'mastodon'])).rules['max-length']).toEqual([
      'error',
      {channel: 'mastodon', limit: 100},
    ])
    expect((await printed(dir, 'x.txt', ['--rule', 'max-length: warn'])).rules['max-length']).toEqual([
      'warn',
      {channel: 'sms', limit: 100},
    ])
    expect((await printed(dir, 'x.txt', ['--rule', 'max-length: [error, {channel: bluesky}]'])).rules['max-length']).toEqual([
      'error',
      {channel: 'bluesky'},
    ])
    expect((await printed(dir, 'x.txt', ['--rule', 'max-length: off'])).rules['max-length']).toEqual(['off'])
  })

  it('reads --rule as YAML flow or JSON, several rules at once, repeatable', async () => {
    const dir = project()
    const config = await printed(dir, 'x.txt', ['--rule', '{"max-length": "warn"}', '--rule', 'max-length: 1'])
    expect(config.rules['max-length']![0]).toBe('warn')
    const both = await printed(dir, 'x.txt', ['--rule', JSON.stringify(onlyMaxLength('off'))])
    expect(Object.values(both.rules).every((setting) => setting[0] === 'off')).toBe(true)
  })

  it('takes a bare options object as options at the rule default severity', async () => {
    const dir = project({'.liaisonrc.json': {rules: {'max-length': {limit: 50}}}})
    expect((await printed(dir, 'x.txt')).rules['max-length']).toEqual(['error', {channel: 'twitter', limit: 50}])
  })

  it.each([
    [['--rule', 'max-length:off'], '--rule "max-length:off": no setting for "max-length:off"; write it as \'rule-id: severity\' or \'rule-id: [severity, {option: value}]\' (with a space after the colon)'],
    [['--rule', '{}'], '--rule "{}": write it as \'rule-id: severity\' or \'rule-id: [severity, {option: value}]\''],
    [['--rule', 'max-length: [error'], /^--rule "max-length: \[error": cannot read it \(.+\); write it as/],
    [['--rule', 'max-length: eror'], '--rule "max-length: eror": Rule "max-length": invalid severity "eror" (expected "off", "warn", "error", 0, 1 or 2)'],
    [['--rule', 'max-length: [error, {limit: -1}]'], '--rule "max-length: [error, {limit: -1}]": Rule "max-length": option "limit" must be an integer >= 1, got -1'],
    [['--channel', 'smss'], '--channel "smss" is not one of twitter, sms, mastodon, bluesky, statuspage, email (did you mean "sms"?)'],
  ])('rejects %j', async (argv, message) => {
    const {code, stdout, stderr} = await cli(project({'x.txt': 'x'}), [...argv, 'x.txt'])
    expect({code, stdout}).toEqual({code: 2, stdout: ''})
    const line = stderr.replace(/^liaison: /, '').replace(/\n$/, '')
    if (typeof message === 'string') expect(line).toBe(message)
    else expect(line).toMatch(message)
  })
})

describe('config errors name the file and, where known, the line and column', () => {
  it.each([
    ['.liaisonrc.json', '{\n  "rules": {\n    "max-lenght": "off"\n  }\n}\n', '.liaisonrc.json:3:5: Unknown rule "max-lenght" (did you mean "max-length"?)'],
    ['.liaisonrc.yaml', 'rules:\n  max-length: eror\n', '.liaisonrc.yaml:2:3: Rule "max-length": invalid severity "eror" (expected "off", "warn", "error", 0, 1 or 2)'],
    ['.liaisonrc.yaml', 'rules:\n  max-length: [error, {chanel: sms}]\n', '.liaisonrc.yaml:2:3: Rule "max-length": unknown option "chanel" (known options: channel, limit)'],
    ['.liaisonrc.yaml', 'rule:\n  max-length: off\n', '.liaisonrc.yaml:1:1: unknown key "rule" (did you mean "rules"?); a config has name, files, ignores, preset, rules, channel, placeholders, templates, vocabulary, plugins'],
    ['.liaisonrc.yaml', 'extends: recomended\n', '.liaisonrc.yaml:1:1: "extends" must be "recommended" or "strict", got "recomended" (did you mean "recommended"?)'],
    ['.liaisonrc.yaml', 'channel: smss\n', '.liaisonrc.yaml:1:1: "channel" must be one of twitter, sms, mastodon, bluesky, statuspage, email, got "smss" (did you mean "sms"?)'],
    ['.liaisonrc.yaml', 'ignores: old/**\n', '.liaisonrc.yaml:1:1: "ignores" must be a list of .gitignore-style patterns, got "old/**"'],
    ['.liaisonrc.yaml', 'ignores: [a, ""]\n', '.liaisonrc.yaml:1:14: "ignores" must list non-empty patterns; item 2 is ""'],
    ['.liaisonrc.yaml', 'rules:\n', '.liaisonrc.yaml:1:1: "rules" must be an object of rule ids to settings, got null'],
    ['.liaisonrc.yaml', 'extends: {}\n', '.liaisonrc.yaml:1:1: "extends" must be "recommended" or "strict", got an object'],
    ['.liaisonrc.yaml', 'channel: 5\n', '.liaisonrc.yaml:1:1: "channel" must be one of twitter, sms, mastodon, bluesky, statuspage, email, got 5'],
    ['.liaisonrc.json', '{"rules":', '.liaisonrc.json:1:10: Unexpected end of JSON input'],
    ['.liaisonrc.json', '{"channel": tru}', '.liaisonrc.json: Unexpected token \'}\', "{"channel": tru}" is not valid JSON'],
    ['.liaisonrc.yaml', 'rules: [max-length]\n', '.liaisonrc.yaml:1:1: "rules" must be an object of rule ids to settings, got a list'],
    ['.liaisonrc.yaml', '- max-length\n', '.liaisonrc.yaml:1:3: block 1 must be an object with any of name, files, ignores, preset, rules, channel, placeholders, templates, vocabulary, plugins; got "max-length"'],
    ['.liaisonrc.yaml', '- files: [drafts/**]\n  chanel: sms\n', '.liaisonrc.yaml:2:3: unknown key "chanel" (did you mean "channel"?); block 1 has name, files, ignores, preset, rules, channel, placeholders, templates, vocabulary, plugins'],
    ['.liaisonrc.yaml', '- ignores: [old/]\n- files: []\n', '.liaisonrc.yaml:2:3: "files" must be a non-empty list of globs, e.g. ["drafts/**", "**/*.update.md"], got a list'],
    ['.liaisonrc.yaml', '- files: [/drafts/**]\n', '.liaisonrc.yaml:1:11: "files" patterns are relative to the config\'s folder and stay inside it; item 1 is "/drafts/**"'],
    ['.liaisonrc.yaml', '- {files: ["**"], channel: fax}\n', '.liaisonrc.yaml:1:19: "channel" must be one of twitter, sms, mastodon, bluesky, statuspage, email, got "fax"'],
    ['.liaisonrc.yaml', '- {preset: strict, extends: strict}\n', '.liaisonrc.yaml:1:20: "preset" and "extends" are the same setting; keep one'],
    ['.liaisonrc.yaml', '- {preset: strikt}\n', '.liaisonrc.yaml:1:4: "preset" must be "recommended" or "strict", got "strikt" (did you mean "strict"?)'],
    ['.liaisonrc.yaml', '- {name: ""}\n', '.liaisonrc.yaml:1:4: "name" must be a non-empty string, got ""'],
    ['.liaisonrc.yaml', '- {rules: {max-length: eror}}\n', '.liaisonrc.yaml:1:12: Rule "max-length": invalid severity "eror" (expected "off", "warn", "error", 0, 1 or 2)'],
    ['.liaisonrc.yaml', 'rules:\n  a: b\n  a: c\n', '.liaisonrc.yaml:3:3: Map keys must be unique'],
    ['.liaisonrc.json', '{\n  "rules": {,}\n}\n', ".liaisonrc.json:2:13: Expected property name or '}'"],
    ['.liaisonrc.json', '{"rules": {}', ".liaisonrc.json:1:13: Expected ',' or '}' after property value"],
    ['.liaisonrc.json', '"strict"', '.liaisonrc.json: a config must be an object with any of name, files, ignores, preset, rules, channel, placeholders, templates, vocabulary, plugins, or a list of such blocks; got "strict"'],
    ['package.json', '{"liaison": {"rulez": {}}}', 'package.json#liaison:1:14: unknown key "rulez" (did you mean "rules"?); a config has name, files, ignores, preset, rules, channel, placeholders, templates, vocabulary, plugins'],
    ['liaison.config.mjs', 'export default {rules: {"max-length": "eror"}}\n', 'liaison.config.mjs: Rule "max-length": invalid severity "eror" (expected "off", "warn", "error", 0, 1 or 2)'],
    ['liaison.config.mjs', 'export const rules = {}\n', 'liaison.config.mjs: export the config as the default export: export default {…}'],
  ])('%s: %s', async (name, content, message) => {
    const dir = project({[name]: content, 'draft.txt': 'Checkout is failing.'})
    const {code, stdout, stderr} = await cli(dir, ['draft.txt'])
    expect({code, stdout}).toEqual({code: 2, stdout: ''})
    const line = stderr.replace(/^liaison: /, '').replace(/\n$/, '')
    if (typeof message === 'string') expect(line).toBe(message)
    else expect(line).toMatch(message)
  })

  // Spawned: under vitest, import() of a config goes through Vite, whose errors differ from Node's.
  it.each([
    ['export default {rules: {,}}\n', /^liaison: liaison\.config\.mjs: SyntaxError: .+ \(node --check liaison\.config\.mjs shows where\)\n$/],
    ['const x = undefinedThing\nexport default {}\n', /^liaison: liaison\.config\.mjs:1:11: ReferenceError: undefinedThing is not defined\n$/],
  ])('a JavaScript config that fails to load: %s', {timeout: 30_000}, (content, message) => {
    const dir = project({'liaison.config.mjs': content, 'draft.txt': 'Checkout is failing.'})
    const {code, stdout, stderr} = spawnBin(dir, ['draft.txt'])
    expect({code, stdout}).toEqual({code: 2, stdout: ''})
    expect(stderr).toMatch(message)
  })

  it('rejects two config files in one folder', async () => {
    const root = project({'.liaisonrc': '', 'package.json': {liaison: {}}, 'x.txt': 'x'})
    expect((await cli(root, ['x.txt'])).stderr).toBe(
      'liaison: .: more than one config file (package.json, .liaisonrc); keep one, so it is clear which applies\n',
    )
    const dir = project({'sub/.liaisonrc.yaml': '', 'sub/liaison.config.json': '{}', 'sub/x.txt': 'x'})
    expect(await cli(dir, ['sub/x.txt'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'liaison: sub: more than one config file (.liaisonrc.yaml, liaison.config.json); keep one, so it is clear which applies\n',
    })
  })

  it.each([
    [['-c', 'missing.json'], 'missing.json: config file not found'],
    [['-c', 'conf'], 'conf: is a directory, not a config file'],
    [['-c', 'conf/x.toml'], 'conf/x.toml: unsupported config format; use .json, .yaml, .yml, .js, .mjs, .cjs, or no extension for YAML or JSON'],
    [['-c', 'package.json'], 'package.json: has no "liaison" key'],
    [['-c', 'conf/bad.yaml'], 'conf/bad.yaml:2:1: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    [['-c', 'x.txt/conf.json'], "x.txt/conf.json: cannot read config file: ENOTDIR: not a directory, open '<dir>/x.txt/conf.json'"],
    [['-c', 'x.txt', '--no-config'], '--config and --no-config cannot be used together'],
  ])('-c: %j', async (argv, message) => {
    const dir = project({'conf/x.toml': 'a = 1', 'conf/bad.yaml': 'rules: [\n', 'package.json': {name: 'x'}, 'x.txt': 'x'})
    expect(await cli(dir, [...argv, 'x.txt'])).toEqual({code: 2, stdout: '', stderr: `liaison: ${message.replace('<dir>', dir)}\n`})
  })

  it('names the file when a config found on the way up cannot be read', async () => {
    const dir = project({'.liaisonrc.json/.keep': '', 'x.txt': 'x'})
    expect(await cli(dir, ['x.txt'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'liaison: cannot read config for x.txt: EISDIR: illegal operation on a directory, read\n',
    })
  })

  it('loads a CommonJS config given with -c', async () => {
    const dir = project({'conf/x.cjs': 'module.exports = {channel: "sms"}\n'})
    expect((await printed(dir, 'x.txt', ['-c', 'conf/x.cjs'])).rules['max-length']).toEqual(['error', {channel: 'sms'}])
  })
})
