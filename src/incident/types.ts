/**
 * An incident as a sequence of updates: the one shape every input adapter
 * (Statuspage API, cState/Upptime Markdown, liaison's own JSON) produces and
 * `lintIncident()` reads. Adapters live in `src/incident/adapters/`; the
 * incident rules and `lintIncident()` beside this file.
 */
import type {Phase} from '../analysis/phase.ts'

/** One public update of an incident, as customers saw it. */
export interface IncidentUpdate {
  /** The adapter's id for the update, when the source has one. */
  id?: string
  /** The update's text, as posted (Markdown or plain text). */
  body: string
  /** The phase the data gives (`investigating` … `resolved`, or a maintenance status); never guessed by adapters. */
  status?: Phase
  /** When the update was posted, ISO 8601 with an offset (`2026-03-01T14:05:00Z`). */
  createdAt: string
}

/** An incident: its title, its updates in any order, and what the source says about it. */
export interface Incident {
  /** The adapter's id for the incident, when the source has one. */
  id?: string
  /** The incident's title (its headline). */
  title: string
  /** Public page of the incident, when the source has one. */
  url?: string
  /** Statuspage's impact level (`none`, `minor`, `major`, `critical`, `maintenance`), when given. */
  impact?: string
  /** Names of the affected components, when given. */
  components?: string[]
  /** When the incident started, ISO 8601, when the source says (Statuspage's `started_at`). */
  startedAt?: string
  updates: IncidentUpdate[]
  /** Where the incident was read from (a file path or URL), for reports. */
  source?: string
}
