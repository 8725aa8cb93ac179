// Types of `slaclock/sla` (hand-written; every runtime entry in sla/): everything
// `slaclock` exports, plus the SLA catalog, ticket clock and reports. Absent values in
// results are `null`, never `undefined`.
import type { BusinessCalendar, CalendarSpec, DurationInput, ErrorCode, InstantInput, IsoInstant } from '../slaclock.js';

export * from '../slaclock.js';
export { default } from '../slaclock.js';
// ---------------------------------------------------------------------------------------
// SLA catalog, ticket clock and reports

/** A calendar of a catalog: the calendar JSON plus its `id`. */
export interface CatalogCalendar extends CalendarSpec {
  readonly id: string;
}

/** `business` (the calendar's hours, the default) or `calendar` (24x7 real time). */
export type TargetClock = 'business' | 'calendar';

/** One SLA target (response, resolution, or a custom name). */
export interface TargetSpec {
  readonly duration: DurationInput;
  readonly clock?: TargetClock;
  /** Warning thresholds, fractions in (0, 1]; override the version's. */
  readonly warnAt?: readonly number[];
  /** `respond` (default for `response`) or `resolve` (default for every other name). */
  readonly stopOn?: 'respond' | 'resolve';
  /** Only these pause reasons pause the target (`[]`: nothing does; absent: every pause does). */
  readonly pauseReasons?: readonly string[];
}

/** An effective-dated version of a service level. */
export interface ServiceLevelVersion {
  readonly effectiveFrom: InstantInput;
  readonly effectiveTo?: InstantInput | null;
  readonly calendar?: string | null;
  readonly warnAt?: readonly number[];
  /** priority -> target name -> target. */
  readonly targets: { readonly [priority: string]: { readonly [target: string]: TargetSpec } };
  readonly name?: string;
  readonly description?: string;
}

/** A service level with its versions in `effectiveFrom` order. */
export interface ServiceLevelSpec {
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly versions: readonly ServiceLevelVersion[];
}

/** A service linked to a service level (and optionally its own calendar). */
export interface ServiceSpec {
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly serviceLevel: string;
  readonly calendar?: string | null;
}

/** The catalog JSON. */
export interface CatalogSpec {
  readonly calendars?: readonly CatalogCalendar[];
  readonly serviceLevels?: readonly ServiceLevelSpec[];
  readonly services?: readonly ServiceSpec[];
}

/** A validation finding; `path` points into the catalog (`calendars[0].weekly.tue[1].end`). */
export interface Finding {
  readonly severity: 'error' | 'warning';
  readonly code: ErrorCode | 'RESPONSE_LONGER_THAN_RESOLUTION' | 'PRIORITY_INVERSION' | 'PRIORITY_DROPPED' | 'UNUSED_SERVICE_LEVEL';
  readonly path: string;
  readonly message: string;
}

/** An event of a ticket. */
export type TicketEventInput =
  | { readonly at: InstantInput; readonly type: 'pause'; readonly reason?: string | null }
  | { readonly at: InstantInput; readonly type: 'resume' | 'respond' | 'resolve' | 'reopen' }
  | { readonly at: InstantInput; readonly type: 'priorityChange'; readonly priority: string };

/** A ticket to measure. */
export interface TicketInput {
  readonly id: string | number;
  readonly service: string;
  readonly priority: string | number;
  readonly createdAt: InstantInput;
  readonly events?: readonly TicketEventInput[];
}

/** The status of a target at `now`. */
export type TargetStatus = 'onTrack' | 'atRisk' | 'paused' | 'breached' | 'met' | 'missed';

/** One warning threshold of a target. */
export interface WarningEvaluation {
  readonly threshold: number;
  readonly at: IsoInstant | null;
  readonly reached: boolean;
}

/** The clock of one target at `now` (instants in the calendar's offset). */
export interface TargetEvaluation {
  readonly name: string;
  readonly status: TargetStatus;
  readonly paused: boolean;
  readonly due: IsoInstant | null;
  readonly breachedAt: IsoInstant | null;
  readonly stoppedAt: IsoInstant | null;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  readonly remainingMs: number;
  readonly percentUsed: number;
  readonly actualElapsedMs: number;
  readonly warnings: WarningEvaluation[];
}

/** A ticket measured at `now`. */
export interface TicketEvaluation {
  readonly ticketId: string;
  readonly service: string;
  readonly serviceLevel: string;
  readonly versionIndex: number;
  readonly effectiveFrom: IsoInstant;
  readonly calendar: string;
  readonly priority: string;
  readonly targets: TargetEvaluation[];
}

/** A ticket that could not be measured. */
export interface TicketError {
  readonly ticketId: string | null;
  readonly error: { readonly code: ErrorCode; readonly path: string; readonly message: string };
}

/** Options of `evaluate` / `evaluateMany`. */
export interface EvaluateOptions {
  /** Measure against this version of the service level instead of the one in force. */
  readonly versionIndex?: number;
  /** Measure against another catalog (what-if). */
  readonly catalog?: SlaCatalog;
}

/** A change between two catalogs. */
export interface CatalogChange {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly old: unknown;
  readonly new: unknown;
}

/** A report dimension. */
export type GroupBy = 'service' | 'serviceLevel' | 'version' | 'priority' | 'target' | 'period';

/** Options of `report`, `partialReport` and `whatIf`. */
export interface ReportOptions {
  readonly now: InstantInput;
  /** Tickets created at or after (inclusive). */
  readonly from?: InstantInput;
  /** Tickets created before (exclusive). */
  readonly to?: InstantInput;
  readonly groupBy?: readonly GroupBy[];
  /** Period of `createdAt` (default `month`). */
  readonly period?: 'day' | 'week' | 'month';
  /** Zone of the periods (default `UTC`). */
  readonly timeZone?: string;
  /** Measure every ticket against this version. */
  readonly versionIndex?: number;
  /** Worst breaches per row (default 5). */
  readonly worst?: number;
}

/** Business-duration statistics in milliseconds. */
export interface DurationStats {
  readonly count: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
  readonly max: number | null;
}

/** The key of a report row (`null` for the dimensions not grouped by). */
export interface GroupKey {
  readonly service: string | null;
  readonly serviceLevel: string | null;
  readonly version: number | null;
  readonly priority: string | null;
  readonly target: string | null;
  readonly period: string | null;
}

/** One row of a report. */
export interface ReportRow {
  readonly key: GroupKey;
  readonly tickets: number;
  readonly measurements: number;
  readonly met: number;
  readonly missed: number;
  readonly breached: number;
  readonly inProgress: number;
  readonly paused: number;
  readonly closed: number;
  /** met / closed * 100. */
  readonly compliancePct: number | null;
  readonly dueInPeriod: number;
  readonly metDueInPeriod: number;
  /** metDueInPeriod / dueInPeriod * 100. */
  readonly complianceDuePct: number | null;
  readonly responseMs: DurationStats;
  readonly resolutionMs: DurationStats;
  readonly worstBreaches: { readonly ticketId: string; readonly target: string; readonly overByMs: number }[];
}

/** A report. */
export interface Report {
  readonly rows: ReportRow[];
  readonly totals: ReportRow;
  readonly errors: TicketError[];
  readonly ticketsRead: number;
  readonly ticketsExcluded: number;
}

/** The serialisable part of a report over one shard (post it between workers, merge with `SlaCatalog.mergeReports`). */
export interface PartialReport {
  readonly format: 1;
  readonly groupBy: GroupBy[];
  readonly worst: number;
  readonly [internal: string]: unknown;
}

/** Options of `whatIf`. */
export interface WhatIfOptions extends ReportOptions {
  /** Force this version (of the proposed catalog, or of this one) for every ticket. */
  readonly proposedVersionIndex?: number;
}

/** One group of a what-if comparison. */
export interface WhatIfRow {
  readonly key: GroupKey;
  readonly before: ReportRow;
  readonly after: ReportRow;
  readonly complianceDeltaPct: number | null;
}

/** A what-if comparison. */
export interface WhatIfReport {
  readonly rows: WhatIfRow[];
  readonly totals: WhatIfRow;
  readonly changed: {
    readonly ticketId: string;
    readonly target: string;
    readonly before: TargetStatus | null;
    readonly after: TargetStatus | null;
    readonly beforeDue: IsoInstant | null;
    readonly afterDue: IsoInstant | null;
  }[];
  readonly errors: TicketError[];
}

/**
 * An SLA catalog: calendars, service levels with effective-dated versions and services.
 *
 * @example
 * const catalog = new SlaCatalog(json);
 * catalog.evaluate(ticket, new Date()).targets[0].status; // 'onTrack'
 */
export declare class SlaCatalog {
  /** Throws a `RangeError` with `code: 'INVALID_CATALOG'`, the first error's `path` and `findings` when the catalog has errors. */
  constructor(json: CatalogSpec | string);
  /** Every finding (errors and warnings); never throws for an object or a string. */
  static validate(json: CatalogSpec | string): Finding[];
  /** Merges partial reports into the report one `report` over all their tickets gives. */
  static mergeReports(partials: readonly PartialReport[]): Report;
  /** Report rows (or a report) as RFC 4180 CSV with a header row. */
  static reportToCsv(report: Report | readonly ReportRow[]): string;
  /** The warnings of this catalog. */
  readonly findings: Finding[];
  /** The calendar with this id, or `null`. */
  calendar(id: string): BusinessCalendar | null;
  /** Measures one ticket at `now`. */
  evaluate(ticket: TicketInput | string, now: InstantInput, options?: EvaluateOptions): TicketEvaluation;
  /** Measures many tickets; a bad ticket gives a `TicketError` in its slot. */
  evaluateMany(tickets: readonly TicketInput[] | string, now: InstantInput, options?: EvaluateOptions): (TicketEvaluation | TicketError)[];
  /** The changes from this catalog to `other`. */
  diff(other: SlaCatalog): CatalogChange[];
  /** Compliance by group over the tickets created in `[from, to)`; tickets as an array, JSON text, or JSON text as UTF-8 bytes (a file read as-is). */
  report(tickets: readonly TicketInput[] | string | Uint8Array, options: ReportOptions): Report;
  /** The mergeable part of a report over one shard of tickets (same ticket forms as `report`). */
  partialReport(tickets: readonly TicketInput[] | string | Uint8Array, options: ReportOptions): PartialReport;
  /** The same tickets under this catalog and a proposal (`null`: this catalog with `proposedVersionIndex`). */
  whatIf(tickets: readonly TicketInput[] | string, proposed: SlaCatalog | null, options: WhatIfOptions): WhatIfReport;
  /** The catalog document it was built from. */
  toJSON(): CatalogSpec;
  /** Frees the engine memory now; the catalog is unusable afterwards. */
  free(): void;
  [Symbol.dispose](): void;
}
