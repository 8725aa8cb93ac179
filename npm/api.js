// The public API of the npm package `slaclock`, shared by the runtime entries (node.js,
// deno.js, workerd.js, browser.js). The engine is the wasm-bindgen glue `./slaclock.js`
// over `./slaclock_bg.wasm` (built from src/wasm/); this file adds loading and the
// NOT_INITIALIZED guard, and picks the public names.
//
// Each entry calls `makeApi(autoSource)` and exports the result: `autoSource` returns the
// `.wasm` bytes or a `WebAssembly.Module` synchronously where the runtime can (Node,
// Deno, workerd), and the engine loads itself on first use. Nothing relies on an
// import-time side effect, so `"sideEffects": false` is true and bundlers that drop
// unused modules cannot drop the loading.
import * as glue from './slaclock.js';

/** The IANA tz database version compiled into the engine (replaced at build time). */
export const tzdbVersion = '__SLACLOCK_TZDB_VERSION__';

/** Whether `e` was thrown by the package (it has a string `code` and `path`). */
export function isSlaclockError(e) {
  return e instanceof Error && typeof e.code === 'string' && typeof e.path === 'string';
}

// One engine per glue module, shared by every `makeApi` result.
let ready = false;
let pending = null;

function notInitialized() {
  const e = new Error(
    'slaclock is not initialized: call `await init()` (the default export of `slaclock`) once before using it',
  );
  e.code = 'NOT_INITIALIZED';
  e.path = '';
  return e;
}

function initSync(module) {
  if (ready) return;
  if (pending !== null) {
    throw new Error('slaclock: `init()` is already loading the engine: `await init()` instead of calling `initSync`');
  }
  glue.initSync({ module });
  ready = true;
}

/** The package API; `autoSource` (optional) gives the engine's bytes or module synchronously. */
export function makeApi(autoSource) {
  function ensure() {
    if (ready) return;
    if (autoSource === undefined) throw notInitialized();
    initSync(autoSource());
  }

  function init(source) {
    if (ready) return Promise.resolve();
    if (source === undefined && autoSource !== undefined) {
      try {
        initSync(autoSource());
        return Promise.resolve();
      } catch (e) {
        return Promise.reject(e);
      }
    }
    if (pending === null) {
      pending = glue
        .default(source === undefined ? undefined : { module_or_path: source })
        .then(() => {
          ready = true;
        })
        .catch((e) => {
          pending = null;
          throw e;
        });
    }
    return pending;
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
  class SlaCatalog extends glue.SlaCatalog {
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
  }

  return {
    init,
    initSync,
    isInitialized: () => ready,
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
