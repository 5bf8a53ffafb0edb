/** "Did you mean" for mistyped ids: the closest name within a third of its length. */
function distance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}

export function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestScore = Math.max(2, Math.floor(name.length / 3)) + 1
  for (const candidate of candidates) {
    const score = distance(name, candidate)
    if (score < bestScore) {
      best = candidate
      bestScore = score
    }
  }
  return best
}
