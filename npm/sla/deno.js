// `slaclock/sla` for Deno 2: the calendar engine plus `SlaCatalog`, ready at import with
// no permissions (a Wasm source-phase import of sla/slaclock_bg.wasm).
import source wasmModule from './slaclock_bg.wasm';
import * as glue from './slaclock.js';
import { makeApi } from '../api.js';

const api = makeApi(glue, () => wasmModule);
api.init();

export const { BusinessCalendar, SlaCatalog, toZoned, fromLocal, presets, timeZones, init, initSync, isInitialized } = api;
export { tzdbVersion, isSlaclockError } from '../api.js';
export default init;
