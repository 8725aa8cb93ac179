// Types of the npm package `slaclock` (hand-written; the same file serves every runtime
// entry; `slaclock/sla` adds the SLA catalog in sla/slaclock.d.ts). Absent values in results are `null`, never `undefined`.

// ---------------------------------------------------------------------------------------
// Inputs

/**
 * An instant: an ISO 8601 string **with** an offset or `Z`
 * (`"2026-12-04T16:30:00+02:00"`), epoch milliseconds, or a `Date`.
 * A string without offset is rejected (`NAIVE_TIMESTAMP`), never guessed.
 */
export type InstantInput = string | number | Date;

/** An ISO 8601 instant string in the calendar's (or zone's) offset, e.g. `"2026-12-07T11:30:00+02:00"`. */
export type IsoInstant = string;

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A wall-clock time `HH:MM`, `HH:MM:SS` or `HH:MM:SS.mmm`, `00:00` to `24:00` (`24:00` only as an end). */
export type WallTime = string;

/**
 * One open interval of a day, `[start, end)` in local wall time. An end not after the
 * start (`["22:00", "06:00"]`) runs overnight and belongs to the day it starts on.
 */
export type Interval = readonly [start: WallTime, end: WallTime] | { readonly start: WallTime; readonly end: WallTime };

/** The open intervals of a day; `[]` means closed. */
export type DayHours = readonly Interval[];

/** Weekday keys of `weekly`. */
export type WeekdayKey = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Weekday names accepted by rules: the keys, or full English names in any case. */
export type WeekdayName = WeekdayKey | (string & {});

/** Weekly hours: weekdays that are absent are closed. */
export type WeeklyHours = { readonly [K in WeekdayKey]?: DayHours | null };

/** Fields shared by one-off exceptions and recurring rules: closed, or special hours. */
export interface DayEffectFields {
  /** Human-readable name (`"Christmas Eve"`). */
  readonly name?: string | null;
  /** `true` (the default when `hours` is absent): closed all day. */
  readonly closed?: boolean | null;
  /** Special hours that replace the weekly hours for the date (`[]` = closed). */
  readonly hours?: DayHours | null;
}

/** A one-off exception ("exceptional day") for one date... */
export interface DateException extends DayEffectFields {
  readonly date: IsoDate;
  readonly from?: never;
  readonly to?: never;
}

/** ...or for an inclusive range of dates. */
export interface RangeException extends DayEffectFields {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly date?: never;
}

/** A one-off exception: highest precedence for its dates. */
export type CalendarException = DateException | RangeException;

/** How a rule's date moves when it falls on a weekend. */
export type Observed = 'none' | 'nearestWeekday' | 'nextWeekday' | 'sundayToMonday';

/** Fields shared by every recurring rule. */
export interface RuleFields extends DayEffectFields {
  /** Weekend shifting: `nearestWeekday` = Saturday -> Friday, Sunday -> Monday (US federal). */
  readonly observed?: Observed | null;
  /** First year the rule applies (1..9999). */
  readonly firstYear?: number | null;
  /** Last year the rule applies (1..9999). */
  readonly lastYear?: number | null;
}

/** Fixed month/day every year (`{ month: 12, day: 25 }`). */
export interface FixedDateRule extends RuleFields {
  readonly month: number;
  readonly day: number;
  readonly weekday?: never;
  readonly nth?: never;
  readonly easterOffset?: never;
}

/** The n-th (1..5) or last (-1..-5) weekday of a month (`{ month: 11, weekday: 'thu', nth: 4 }`). */
export interface NthWeekdayRule extends RuleFields {
  readonly month: number;
  readonly weekday: WeekdayName;
  readonly nth: number;
  readonly day?: never;
  readonly easterOffset?: never;
}

/** The first weekday on or after (or on or before) a month/day (Midsummer: Saturday on or after June 20). */
export interface WeekdayNearDateRule extends RuleFields {
  readonly month: number;
  readonly day: number;
  readonly weekday: WeekdayName;
  readonly onOrAfter?: boolean | null;
  readonly onOrBefore?: boolean | null;
  readonly nth?: never;
  readonly easterOffset?: never;
}

/** Days from Western Easter Sunday: Good Friday -2, Easter Monday +1, Ascension +39, Whit Monday +50. */
export interface EasterRule extends RuleFields {
  readonly easterOffset: number;
  readonly month?: never;
  readonly day?: never;
  readonly weekday?: never;
  readonly nth?: never;
}

/** A recurring rule ("exceptional date"), below one-off exceptions in precedence. */
export type RecurringRule = FixedDateRule | NthWeekdayRule | WeekdayNearDateRule | EasterRule;

/** Built-in holiday presets (see `presets()`). */
export type PresetId = 'FI' | 'SE' | 'FR' | 'PL' | 'DE' | 'US' | (string & {});

/** The calendar JSON. */
export interface CalendarSpec {
  /** IANA time zone id (`"Europe/Helsinki"`); the hours are wall-clock hours there. */
  readonly timeZone: string;
  readonly weekly?: WeeklyHours | null;
  readonly exceptions?: readonly CalendarException[] | null;
  readonly rules?: readonly RecurringRule[] | null;
  readonly presets?: readonly PresetId[] | null;
  readonly id?: string | null;
  readonly name?: string | null;
  readonly description?: string | null;
}

/**
 * A duration of business time in fixed units. A day is **24 business hours**
 * (ServiceNow's meaning), not "one business day": use `{ businessDays: n }` for that.
 * All fields must have the same sign.
 */
export interface DurationFields {
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
  readonly milliseconds?: number;
}

/** The same wall time on the n-th (n >= 1) open day after the start, clamped into that day's hours. */
export interface BusinessDaysDuration {
  readonly businessDays: number;
}

/** The last close of the n-th open day after the start day (`0` = the start day's close). */
export interface EndOfBusinessDayDuration {
  readonly endOfBusinessDay: number;
}

/**
 * A duration: milliseconds (may be negative), an ISO 8601 duration (`"PT4H30M"`, `"P1D"`,
 * `"-PT15M"`; no years or months), `{ days, hours, minutes, seconds, milliseconds }`,
 * `{ businessDays: n }` or `{ endOfBusinessDay: n }` (the day units count forward only).
 */
export type DurationInput = number | string | DurationFields | BusinessDaysDuration | EndOfBusinessDayDuration;

/** How a wall time that does not exist (DST gap) or occurs twice (DST fold) maps to an instant. */
export type Disambiguation = 'compatible' | 'earlier' | 'later' | 'reject';

/** Options of `fromLocal`. */
export interface FromLocalOptions {
  /**
   * `compatible` (default): a gap moves forward by its length, a fold takes the earlier
   * instant; `earlier` / `later`: that candidate; `reject`: throw
   * `NONEXISTENT_LOCAL_TIME` / `AMBIGUOUS_LOCAL_TIME`.
   */
  readonly disambiguation?: Disambiguation;
}

// ---------------------------------------------------------------------------------------
// Results

/** An open interval `[start, end)` of real time. */
export interface OpenInterval {
  start: IsoInstant;
  end: IsoInstant;
}

/** A date whose hours an exception, rule or preset decides. */
export interface SpecialDay {
  date: IsoDate;
  name: string | null;
  /** `true` when closed all day (then `hours` is `null`). */
  closed: boolean;
  /** The special hours as `[start, end]` wall times; `null` when closed. */
  hours: [start: WallTime, end: WallTime][] | null;
  /** What decided the day. */
  source: 'exception' | 'rule' | 'preset';
  /** The preset id when `source` is `"preset"`, else `null`. */
  preset: string | null;
  /** Path of the deciding item in the spec: `exceptions[1]`, `rules[0]`, `presets[0]`. */
  path: string;
}

/** A built-in holiday preset. */
export interface PresetInfo {
  id: string;
  name: string;
}

// ---------------------------------------------------------------------------------------
// Errors

/** The stable `code` of every error the package throws. */
export type ErrorCode =
  | 'INVALID_TIME_ZONE'
  | 'INVALID_WALL_TIME'
  | 'OVERLAPPING_INTERVALS'
  | 'EMPTY_INTERVAL'
  | 'NO_OPEN_TIME'
  | 'NAIVE_TIMESTAMP'
  | 'OUT_OF_RANGE'
  | 'CONFLICTING_RULES'
  | 'INVALID_DATE'
  | 'INVALID_RULE'
  | 'UNKNOWN_PRESET'
  | 'INVALID_DURATION'
  | 'INVALID_INSTANT'
  | 'NONEXISTENT_LOCAL_TIME'
  | 'AMBIGUOUS_LOCAL_TIME'
  | 'INVALID_OPTION'
  | 'INVALID_TYPE'
  | 'MISSING_FIELD'
  | 'UNKNOWN_FIELD'
  | 'TOO_LARGE'
  | 'INVALID_CATALOG'
  | 'UNKNOWN_REFERENCE'
  | 'DUPLICATE_ID'
  | 'INVALID_TICKET'
  | 'INVALID_TARGET'
  | 'INVALID_VERSIONS'
  | 'NOT_INITIALIZED';

/** The codes of `TypeError`s (a wrong shape); every other code is a `RangeError` (a bad value), except `NOT_INITIALIZED` (an `Error`). */
export type TypeErrorCode = 'INVALID_TYPE' | 'MISSING_FIELD' | 'UNKNOWN_FIELD';

/** The fields every error of the package carries. */
export interface SlaclockErrorFields {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** Where in the input: `weekly.tue[1].end`, `duration.hours`, `options.disambiguation`, or `""`. */
  readonly path: string;
}

/** A `TypeError` or `RangeError` thrown by the package. */
export type SlaclockError = (TypeError | RangeError | Error) & SlaclockErrorFields;

/** Whether `e` was thrown by the package (it has a string `code` and `path`). */
export declare function isSlaclockError(e: unknown): e is SlaclockError;

// ---------------------------------------------------------------------------------------
// API

/**
 * A business calendar: an IANA zone, weekly hours, one-off exceptions, recurring rules
 * and holiday presets, compiled once. Instant results are ISO 8601 strings in the
 * calendar's offset, so `new Date(result)` works.
 *
 * @example
 * const cal = new BusinessCalendar({ timeZone: 'Europe/Helsinki', weekly: {
 *   mon: [['08:00', '16:00']], tue: [['08:00', '16:00']], wed: [['08:00', '16:00']],
 *   thu: [['08:00', '16:00']], fri: [['08:00', '16:00']] } });
 * cal.addBusinessTime('2026-12-04T16:30:00+02:00', { hours: 4 }); // '2026-12-07T12:00:00+02:00'
 */
export declare class BusinessCalendar {
  /** @param spec the calendar JSON, as an object or a JSON string. */
  constructor(spec: CalendarSpec | string);
  /** The calendar's IANA time zone id. */
  readonly timeZone: string;
  /** Whether the service is open at `at` (intervals are half-open: the closing time is closed). */
  isOpen(at: InstantInput): boolean;
  /** `at` if open, else the next opening; `null` if none before year 9999. */
  nextOpen(at: InstantInput): IsoInstant | null;
  /** The end of the open interval containing `at`, else of the next one; `null` if it never closes (24x7) or never opens again. */
  nextClose(at: InstantInput): IsoInstant | null;
  /** The open intervals within `[from, to)`, clipped, adjacent ones merged. `TOO_LARGE` over 200,000 intervals. */
  openIntervals(from: InstantInput, to: InstantInput): OpenInterval[];
  /** Every date in `fromDate..=toDate` whose hours an exception, rule or preset decides, in date order. */
  specialDays(fromDate: IsoDate, toDate: IsoDate): SpecialDay[];
  /** The earliest instant at which `duration` of business time has passed since `start` (the deadline). */
  addBusinessTime(start: InstantInput, duration: DurationInput): IsoInstant;
  /** The latest instant from which `duration` of business time runs until `end`. */
  subtractBusinessTime(end: InstantInput, duration: number | string | DurationFields): IsoInstant;
  /** Milliseconds of open time in `[start, end)`; negative when `end` is before `start`. */
  businessTimeBetween(start: InstantInput, end: InstantInput): number;
  /**
   * `addBusinessTime` for many tickets in one call: starts and durations in
   * milliseconds (one duration per start, or one for all). Returns epoch milliseconds;
   * `NaN` in a slot whose start or duration is invalid or whose result is past year 9999.
   */
  addBusinessTimeMany(startsEpochMs: Float64Array, durationsMs: Float64Array | number): Float64Array;
  /** `businessTimeBetween` for many pairs of epoch milliseconds; `NaN` in a slot with an invalid instant. */
  businessTimeBetweenMany(starts: Float64Array, ends: Float64Array): Float64Array;
  /** The spec the calendar was built from (`JSON.stringify(cal)` and `new BusinessCalendar(cal)` round-trip). */
  toJSON(): CalendarSpec;
  /** Frees the engine memory now (otherwise a FinalizationRegistry frees it); the calendar is unusable afterwards. */
  free(): void;
  /** Same as `free()`, for `using cal = new BusinessCalendar(...)`. */
  [Symbol.dispose](): void;
}

/** `at` as ISO 8601 with the offset of `timeZone` at that instant: `toZoned('2026-07-01T09:00:00Z', 'Europe/Helsinki')` is `'2026-07-01T12:00:00+03:00'`. */
export declare function toZoned(at: InstantInput, timeZone: string): IsoInstant;

/**
 * The instant of a wall-clock date-time (`YYYY-MM-DDTHH:MM[:SS[.mmm]]`, no offset) in
 * `timeZone`, as ISO 8601 with that zone's offset.
 * `fromLocal('2026-03-29T03:30', 'Europe/Helsinki')` is `'2026-03-29T04:30:00+03:00'` (DST gap).
 */
export declare function fromLocal(local: string, timeZone: string, options?: FromLocalOptions): IsoInstant;

/** The built-in holiday presets. */
export declare function presets(): PresetInfo[];

/** Every IANA time zone id the engine knows, sorted. */
export declare function timeZones(): string[];

/** The IANA tz database version compiled in (`"2025b"`). */
export declare const tzdbVersion: string;

/** What `init` can load the engine from: a URL, a `Response`, the bytes or a compiled module. */
export type InitSource =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<Response | BufferSource | WebAssembly.Module>;

/**
 * Loads the engine; resolves when ready. Needed once in browsers (and wherever the entry
 * cannot load it at import); a no-op promise in Node, Deno and workerd. Idempotent.
 * `source` defaults to the entry's `.wasm` beside its JS (`slaclock_bg.wasm`; for `slaclock/sla`, `sla/slaclock_sla_bg.wasm`).
 */
export default function init(source?: InitSource): Promise<void>;
export { init };

/** Instantiates the engine synchronously from its bytes or a compiled module. Idempotent. */
export declare function initSync(module: BufferSource | WebAssembly.Module): void;

/** Whether the engine is ready. */
export declare function isInitialized(): boolean;
