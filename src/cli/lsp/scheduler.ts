/**
 * When documents are linted: a change waits `delay` ms for the next one
 * (typing debounced), then the document joins a queue that holds each
 * document once. One lint runs at a time, always of the document's text as
 * it is when the lint starts, so a run for a version already replaced is
 * never started; a result for a version replaced while it ran is dropped,
 * and the newer version, already queued, is linted next.
 */
export interface Snapshot<Request> {
  version: number
  request: Request
}

export interface SchedulerOptions<Request, Result> {
  delay: number
  /** The document's current state, or undefined once it is closed (or not lintable). */
  snapshot(uri: string): Snapshot<Request> | undefined
  run(request: Request): Promise<Result>
  /** A result for the version that is still current. */
  done(uri: string, version: number, result: Result): void
}

export class Scheduler<Request, Result> {
  readonly #timers = new Map<string, NodeJS.Timeout>()
  readonly #queue = new Set<string>()
  #running = false
  #idle: Array<() => void> = []

  constructor(readonly options: SchedulerOptions<Request, Result>) {}

  /** Lint `uri` after the debounce delay (or at once). */
  schedule(uri: string, now = false): void {
    clearTimeout(this.#timers.get(uri))
    if (now) {
      this.#timers.delete(uri)
      this.#enqueue(uri)
      return
    }
    this.#timers.set(
      uri,
      setTimeout(() => {
        this.#timers.delete(uri)
        this.#enqueue(uri)
      }, this.options.delay),
    )
  }

  /** The document closed: no lint of it runs any more. */
  forget(uri: string): void {
    clearTimeout(this.#timers.get(uri))
    this.#timers.delete(uri)
    this.#queue.delete(uri)
  }

  /** Resolves once nothing is waiting or running (shutdown). */
  idle(): Promise<void> {
    for (const [uri, timer] of this.#timers) {
      clearTimeout(timer)
      this.#timers.delete(uri)
    }
    this.#queue.clear()
    return this.#running ? new Promise((resolve) => this.#idle.push(resolve)) : Promise.resolve()
  }

  #enqueue(uri: string): void {
    this.#queue.add(uri)
    void this.#pump()
  }

  async #pump(): Promise<void> {
    if (this.#running) return
    const uri = this.#queue.values().next().value
    if (uri === undefined) {
      for (const resolve of this.#idle.splice(0)) resolve()
      return
    }
    this.#queue.delete(uri)
    const snapshot = this.options.snapshot(uri)
    if (snapshot) {
      this.#running = true
      try {
        const result = await this.options.run(snapshot.request)
        if (this.options.snapshot(uri)?.version === snapshot.version) this.options.done(uri, snapshot.version, result)
      } finally {
        this.#running = false
      }
    }
    await this.#pump()
  }
}
