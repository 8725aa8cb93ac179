// The slaclock package (copied to www/pkg/ by `make demo`): everything the app computes
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
} from '../pkg/browser.js';
