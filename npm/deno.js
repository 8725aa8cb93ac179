// Deno 2: ready at import with no permissions: the `.wasm` is imported as a compiled
// `WebAssembly.Module` (a Wasm source-phase import), so nothing is read or fetched at
// run time. A Deno without source-phase imports: use `slaclock/web` and `await init()`.
import source wasmModule from './slaclock_bg.wasm';
import * as glue from './slaclock.js';
import { makeApi } from './api.js';

const api = makeApi(glue, () => wasmModule);
api.init();

export const { BusinessCalendar, toZoned, fromLocal, presets, timeZones, init, initSync, isInitialized } = api;
export { tzdbVersion, isSlaclockError } from './api.js';
export default init;
