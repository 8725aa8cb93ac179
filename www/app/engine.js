// The slaclock package's `slaclock/sla` module (the package is copied to www/pkg/ by
// `make demo`; this is its sla/browser.js entry): everything the app computes
// goes through it. `await init()` once before use (main.js does).
export {
  default as init,
  BusinessCalendar,
  SlaCatalog,
  toZoned,
  fromLocal,
  presets,
  timeZones,
  tzdbVersion,
} from '../pkg/sla/browser.js';
