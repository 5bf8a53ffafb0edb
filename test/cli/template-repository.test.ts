/**
 * A template repository as teams keep one (docs/templates.md): each file's
 * channel comes from its template, its name or its folder, and a template
 * without one is a status-page post, not a tweet; Statuspage's maintenance
 * statuses are valid; `.mdx` files are read; the built executable reports
 * positions in the original file.
 */
import {describe, expect, it} from 'vitest'
import {channelOf, isHeadlineFile} from '../../src/cli/channels.ts'
import {cli, jsonResults, project, spawnBin} from './support.ts'

/** 448 characters: too long for every channel but a status page or an e-mail. */
const long = `Checkout is failing for some customers in the EU. ${'Card payments may be declined. '.repeat(12)}Next update in 30 minutes.`

/** Each file's max-length messages, by file name relative to `dir`. */
async function lengths(dir: string, args: string[] = []): Promise<Record<string, string[]>> {
  const {stdout} = await cli(dir, ['-f', 'json', ...args])
  return Object.fromEntries(
    (JSON.parse(stdout) as Array<{filePath: string; messages: Array<{ruleId: string; message: string}>}>).map((result) => [
      result.filePath.slice(dir.length + 1),
      result.messages.filter((m) => m.ruleId === 'max-length').map((m) => m.message.split(';')[0]!),
    ]),
  )
}

describe('channels', () => {
  it.each([
    ['templates/tweets/outage.txt', 'twitter'],
    ['templates/outage.tweet.txt', 'twitter'],
    ['templates/tweets/2024/outage.md', 'twitter'],
    ['email/outage.md', 'email'],
    ['Emails/outage.md', 'email'],
    ['templates/statuspage/templates.yml', 'statuspage'],
    ['status-page/outage.md', 'statuspage'],
    ['sms/outage.txt', 'sms'],
    ['email/outage.sms.txt', 'sms'],
    ['mastodon/outage.txt', 'mastodon'],
    ['bluesky/outage.txt', 'bluesky'],
    ['templates/outage.md', undefined],
    ['outage.txt', undefined],
  ])('reads %s as %s', (path, channel) => {
    expect(channelOf(path)).toBe(channel)
  })

  it.each([
    ['email/subject-line.txt', true],
    ['email/Email_Subject.md', true],
    ['templates/outage.subject.txt', true],
    ['titles.yml', true],
    ['headline', true],
    ['subjects/outage.txt', false],
    ['email/subjective.txt', false],
    ['templates/titles/outage.txt', false],
  ])('reads %s as headlines: %s', (path, headline) => {
    expect(isHeadlineFile(path)).toBe(headline)
  })

  it('gives a template its channel from its field, then the config, then its name or folder; a template is a status-page post by default', async () => {
    const dir = project({
      '.liaisonrc.yaml': 'rules:\n  require-impact: off\n',
      'templates/tweets/outage.txt': long,
      'templates/email/outage.txt': long,
      'templates/statuspage/templates.yml': `- body: ${long}\n- body: ${long}\n  channel: sms\n`,
      'templates/outage.md': `---\nphase: investigating\n---\n${long}\n`,
      'templates/draft.txt': long,
      'templates/tweets/outage.email.txt': long,
    })
    expect(await lengths(dir)).toEqual({
      'templates/email/outage.txt': [],
      'templates/statuspage/templates.yml': ['448/160 characters for sms (GSM-7): the text splits into 3 messages'],
      // A plain draft, with nothing that names its channel, is measured as max-length's default says.
      'templates/draft.txt': ['448/280 characters for twitter'],
      'templates/outage.md': [],
      'templates/tweets/outage.email.txt': [],
      'templates/tweets/outage.txt': ['448/280 characters for twitter'],
    })
    // --channel wins over everything (seven messages in six files).
    expect(Object.values(await lengths(dir, ['--channel', 'bluesky'])).flat()).toHaveLength(7)
    // The config's channel, from a block or for every file, wins over names, folders and the template default.
    const configured = project({
      '.liaisonrc.yaml': '- files: [templates/**]\n  rules: {require-impact: off}\n- files: [templates/email/**]\n  channel: sms\n',
      'templates/outage.md': `---\nphase: investigating\n---\n${long}\n`,
      'templates/email/outage.txt': long,
    })
    expect(await lengths(configured)).toEqual({'templates/email/outage.txt': ['448/160 characters for sms (GSM-7): the text splits into 3 messages'], 'templates/outage.md': []})
    const everywhere = project({'.liaisonrc.yaml': 'channel: sms\nrules:\n  require-impact: off\n', 'templates/outage.md': `---\nphase: investigating\n---\n${long}\n`})
    expect(await lengths(everywhere)).toEqual({'templates/outage.md': ['448/160 characters for sms (GSM-7): the text splits into 3 messages']})
  }, 30_000)

  it('keeps a limit set without a channel on the inferred channel', async () => {
    const dir = project({'.liaisonrc.yaml': 'rules:\n  require-impact: off\n  max-length: [error, {limit: 100}]\n', 'templates/email/outage.txt': long})
    expect(await lengths(dir)).toEqual({'templates/email/outage.txt': ['448/100 characters for email']})
  })
})

describe('maintenance', () => {
  it("accepts Statuspage's maintenance statuses and reads a window's end as a schedule", async () => {
    const dir = project({
      '.liaisonrc.yaml': 'extends: strict\n',
      'templates/statuspage/maintenance.yml': [
        '- update_status: scheduled',
        '  body: Checkout will be unavailable on [date] from 02:00 to 03:00 UTC while we upgrade the payment database.',
        '- update_status: in_progress',
        '  body: Checkout is unavailable while we upgrade the payment database. We expect to finish by 03:00 UTC.',
        '- update_status: verifying',
        '  body: Checkout is back; some payments may still be slow while we verify the upgrade.',
        '- update_status: completed',
        '  body: The maintenance is complete.',
        '',
      ].join('\n'),
      'templates/email/announcement.md': '---\nphase: scheduled\n---\nWe will upgrade [product] on [date].\n',
    })
    const {code, stdout, stderr} = await cli(dir, ['-f', 'json'])
    expect({code, stderr}).toEqual({code: 1, stderr: ''})
    const found = (JSON.parse(stdout) as Array<{filePath: string; messages: Array<{ruleId: string; line: number}>}>).flatMap((result) =>
      result.messages.map((m) => `${result.filePath.slice(dir.length + 1)}:${m.line} ${m.ruleId}`),
    )
    // The announcement says when, but not how customers are affected.
    expect(found).toEqual(['templates/email/announcement.md:4 require-impact'])
  })
})

describe('MDX', () => {
  const page = [
    "import {Callout} from '../components/callout'",
    '',
    "export const meta = {title: 'Outage'}",
    '',
    '<Callout type="warning">',
    '  We think {props.region} is down, probably because of db-primary-03.',
    '</Callout>',
    '',
    'Checkout is failing for [customers]. Next update in 30 minutes {/* keep */}.',
    '',
  ].join('\n')

  it('lints the prose of an MDX page, inside components too, and points into the original file', () => {
    const dir = project({'.liaisonrc.yaml': 'extends: strict\n', 'templates/docs/outage.mdx': page})
    const {code, stdout, stderr} = spawnBin(dir, ['-f', 'json'])
    expect({code, stderr}).toEqual({code: 1, stderr: ''})
    const [result] = JSON.parse(stdout) as Array<{messages: Array<{ruleId: string; line: number; column: number; actual: string}>}>
    expect(result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.actual}`)).toEqual([
      '6:3 no-speculation We think',
      '6:36 no-speculation probably',
      '6:56 no-internal-hostname db-primary-03',
    ])
  })

  it('reports MDX it cannot read as a broken file, and lints the others', () => {
    const dir = project({'.liaisonrc.yaml': 'extends: strict\n', 'templates/docs/broken.mdx': 'Checkout is failing <Callout.\n', 'templates/docs/ok.md': 'Checkout is failing for some customers. Next update in 30 minutes.\n'})
    const {code, stdout, stderr} = spawnBin(dir, ['-f', 'json'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/^liaison: templates\/docs\/broken\.mdx:1:\d+: invalid MDX: /)
    expect(jsonResults(stdout).map((result) => result.filePath.slice(dir.length + 1))).toEqual(['templates/docs/ok.md'])
  })
})
