// The public API of the npm package `slaclock`, shared by the runtime entries (node.js,
// deno.js, workerd.js, browser.js, and the same four in sla/). An engine is a
// wasm-bindgen glue module `slaclock.js` over its `slaclock_bg.wasm` (built from
// src/wasm/): `./` holds the calendar engine (`import ... from 'slaclock'`), `./sla/` the
// engine with the SLA catalog and reports (`'slaclock/sla'`). This file adds loading and
// the NOT_INITIALIZED guard, and picks the public names.
//
// Each entry calls `makeApi(glue, autoSource)` and exports the result: `autoSource`
// returns the `.wasm` bytes or a `WebAssembly.Module` synchronously where the runtime can
// (Node, Deno, workerd), and the engine loads itself on first use. Nothing relies on an
// import-time side effect, so `"sideEffects": false` is true and bundlers that drop
// unused modules cannot drop the loading.

/** The IANA tz database version compiled into the engine (replaced at build time). */
export const tzdbVersion = '__SLACLOCK_TZDB_VERSION__';

/** Whether `e` was thrown by the package (it has a string `code` and `path`). */
export function isSlaclockError(e) {
  return e instanceof Error && typeof e.code === 'string' && typeof e.path === 'string';
}

// One loading state per glue module, shared by every entry over it (`slaclock` and
// `slaclock/web` are two entries over one engine).
const states = new WeakMap();

function notInitialized(entry) {
  const e = new Error(
    `slaclock is not initialized: call \`await init()\` (the default export of \`${entry}\`) once before using it`,
  );
  e.code = 'NOT_INITIALIZED';
  e.path = '';
  return e;
}

/**
 * The package API over the engine `glue`; `autoSource` (optional) gives its bytes or
 * module synchronously; `entry` names the entry point in messages.
 */
export function makeApi(glue, autoSource, entry = 'slaclock') {
  if (!states.has(glue)) states.set(glue, { ready: false, pending: null });
  const state = states.get(glue);

  function initSync(module) {
    if (state.ready) return;
    if (state.pending !== null) {
      throw new Error('slaclock: `init()` is already loading the engine: `await init()` instead of calling `initSync`');
    }
    glue.initSync({ module });
    state.ready = true;
  }

  function ensure() {
    if (state.ready) return;
    if (autoSource === undefined) throw notInitialized(entry);
    initSync(autoSource());
  }

  function init(source) {
    if (state.ready) return Promise.resolve();
    if (source === undefined && autoSource !== undefined) {
      try {
        initSync(autoSource());
        return Promise.resolve();
      } catch (e) {
        return Promise.reject(e);
      }
    }
    if (state.pending === null) {
      state.pending = glue
        .default(source === undefined ? undefined : { module_or_path: source })
        .then(() => {
          state.ready = true;
        })
        .catch((e) => {
          state.pending = null;
          throw e;
        });
    }
    return state.pending;
  }

  /** A business calendar: an IANA zone, weekly hours, exceptions, rules and presets. */
  class BusinessCalendar extends glue.BusinessCalendar {
    constructor(spec) {
      ensure();
      super(spec);
    }

    // Epoch-ms numbers take a typed fast path (no per-argument inspection).
    isOpen(at) {
      return typeof at === 'number' ? super.isOpenMs(at) : super.isOpen(at);
    }

    addBusinessTime(start, duration) {
      return typeof start === 'number' && typeof duration === 'number'
        ? super.addBusinessTimeMs(start, duration)
        : super.addBusinessTime(start, duration);
    }

    businessTimeBetween(start, end) {
      return typeof start === 'number' && typeof end === 'number'
        ? super.businessTimeBetweenMs(start, end)
        : super.businessTimeBetween(start, end);
    }
  }

  // Ticket lists cross into the engine as one JSON string: far faster than reading
  // thousands of objects property by property through the boundary.
  const asText = (tickets) => (Array.isArray(tickets) ? JSON.stringify(tickets) : tickets);
  // Reports take that text as UTF-8 bytes: TextEncoder writes them into one buffer many
  // times faster than the glue copies a long string character by character.
  const encoder = new TextEncoder();
  const asBytes = (tickets) => {
    const text = asText(tickets);
    return typeof text === 'string' ? encoder.encode(text) : text;
  };
  const BATCH = 2000;

  /** An SLA catalog: calendars, service levels with effective-dated versions, services. */
  const SlaCatalog = glue.SlaCatalog && class SlaCatalog extends glue.SlaCatalog {
    constructor(json) {
      ensure();
      super(json);
    }

    static validate(json) {
      ensure();
      return glue.SlaCatalog.validate(json);
    }

    static mergeReports(partials) {
      ensure();
      return glue.SlaCatalog.mergeReports(partials);
    }

    static reportToCsv(report) {
      ensure();
      return glue.SlaCatalog.reportToCsv(report);
    }

    evaluateMany(tickets, now, options) {
      if (!Array.isArray(tickets) || tickets.length <= BATCH) return super.evaluateMany(asText(tickets), now, options);
      // Large lists go in batches: the engine's memory stays small and results stream out.
      const out = [];
      for (let i = 0; i < tickets.length; i += BATCH) {
        out.push(...super.evaluateMany(JSON.stringify(tickets.slice(i, i + BATCH)), now, options));
      }
      return out;
    }

    report(tickets, options) {
      return super.report(asBytes(tickets), options);
    }

    partialReport(tickets, options) {
      return super.partialReport(asBytes(tickets), options);
    }

    whatIf(tickets, proposed, options) {
      return super.whatIf(asText(tickets), proposed ?? null, options);
    }

    calendar(id) {
      const c = super.calendar(id);
      // Re-wrap so the result is an instance of the exported class.
      return c === undefined || c === null ? null : Object.setPrototypeOf(c, BusinessCalendar.prototype);
    }
  };

  return {
    init,
    initSync,
    isInitialized: () => state.ready,
    BusinessCalendar,
    SlaCatalog,
    toZoned(at, timeZone) {
      ensure();
      return glue.toZoned(at, timeZone);
    },
    fromLocal(local, timeZone, options) {
      ensure();
      return glue.fromLocal(local, timeZone, options);
    },
    presets() {
      ensure();
      return glue.presets();
    },
    timeZones() {
      ensure();
      return glue.timeZones();
    },
  };
}
