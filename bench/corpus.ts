/**
 * A deterministic corpus of realistic status messages for the benchmark.
 * Seeded linear congruential generator (no Math.random), so every run and
 * every machine lints the same text.
 */
export function createRandom(seed: number): (n: number) => number {
  let state = seed >>> 0
  return (n) => {
    // Numerical Recipes LCG; plenty for picking template parts.
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state % n
  }
}

const components = ['the API', 'webhooks', 'email notifications', 'the dashboard', 'Git operations', 'card payments', 'search', 'builds', 'logins', 'file uploads', 'the mobile app', 'SMS delivery']
const symptoms = ['are delayed', 'are failing for some customers', 'are slow to load', 'return elevated error rates', 'are unavailable', 'time out intermittently', 'may be incomplete', 'are stuck in the queue']
const who = ['for some customers', 'for customers in Europe', 'for a subset of accounts', 'in the US region', 'for all users', 'for some iOS users']
const openers = ['We are investigating reports that', 'We are aware that', 'Our team is looking into why', 'Update:', 'We have identified why']
const progress = [
  'A fix has been applied and we are monitoring the results.',
  'We have identified the cause and are deploying a fix.',
  'We have rolled back a recent change.',
  'The issue has been resolved and service is operating normally.',
  'Workaround: retry the request, or use the web app until this is fixed.',
  'Queued jobs will be processed automatically; no action is needed.',
]
const promises = ['Next update in 30 minutes.', 'We will provide another update within the hour.', 'We will post an update by 16:00 UTC.', '']
const problems = [
  'We think the cause is a database failover.',
  'This is probably related to a network change.',
  'Service should be fully restored within the next hour.',
  'We expect this to be resolved in 10 minutes.',
  'Engineers restarted application-server-123 and db-primary-03.',
  'Traffic from 10.0.4.12 to api.internal was affected.',
]

export function message(random: (n: number) => number): string {
  const pick = <T>(list: readonly T[]) => list[random(list.length)]!
  const parts = [`${pick(openers)} ${pick(components)} ${pick(symptoms)} ${pick(who)}.`, pick(progress)]
  if (random(4) === 0) parts.push(pick(problems))
  parts.push(pick(promises))
  return parts.filter(Boolean).join(' ')
}

export function corpus(count: number, seed = 20261126): string[] {
  const random = createRandom(seed)
  return Array.from({length: count}, () => message(random))
}

/** About `bytes` of messages separated by blank lines, as one file. */
export function largeFile(bytes: number, seed = 1): string {
  const random = createRandom(seed)
  const out: string[] = []
  let size = 0
  while (size < bytes) {
    const text = message(random)
    out.push(text)
    size += text.length + 2
  }
  return out.join('\n\n')
}
