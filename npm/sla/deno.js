// `slaclock/sla` for Deno 2: the calendar engine plus `SlaCatalog`, ready at import with
// no permissions (a Wasm source-phase import of sla/slaclock_sla_bg.wasm).
import source wasmModule from './slaclock_sla_bg.wasm';
import * as glue from './slaclock_sla.js';
import { makeApi } from '../api.js';

const api = makeApi(glue, () => wasmModule, 'slaclock/sla');
api.init();

export const { BusinessCalendar, SlaCatalog, toZoned, fromLocal, presets, timeZones, init, initSync, isInitialized } = api;
export { tzdbVersion, isSlaclockError } from '../api.js';
export default init;
