// `slaclock/sla` for Cloudflare Workers / workerd: the calendar engine plus `SlaCatalog`,
// zero configuration (the `.wasm` is imported as a compiled `WebAssembly.Module`).
import wasmModule from './slaclock_sla_bg.wasm';
import * as glue from './slaclock_sla.js';
import { makeApi } from '../api.js';

const api = makeApi(glue, () => wasmModule, 'slaclock/sla');
api.init();

export const { BusinessCalendar, SlaCatalog, toZoned, fromLocal, presets, timeZones, init, initSync, isInitialized } = api;
export { tzdbVersion, isSlaclockError } from '../api.js';
export default init;
