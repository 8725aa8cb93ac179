// Browsers and everything else: call the default export once, `await init()`, before
// using the engine; it fetches `slaclock_bg.wasm` next to this file (bundlers such as
// Vite and webpack 5 follow the `new URL(..., import.meta.url)` inside the glue).
import * as glue from './slaclock.js';
import { makeApi } from './api.js';

const api = makeApi(glue);

export const { BusinessCalendar, toZoned, fromLocal, presets, timeZones, init, initSync, isInitialized } = api;
export { tzdbVersion, isSlaclockError } from './api.js';
export default init;
