// Cloudflare Workers / workerd (bundlers with the `workerd` or `worker` condition, as
// wrangler): the `.wasm` is imported as a compiled `WebAssembly.Module` (wrangler bundles
// `.wasm` imports that way by default), so the engine is ready with zero configuration.
import wasmModule from './slaclock_bg.wasm';
import * as glue from './slaclock.js';
import { makeApi } from './api.js';

const api = makeApi(glue, () => wasmModule);
api.init();

export const { BusinessCalendar, toZoned, fromLocal, presets, timeZones, init, initSync, isInitialized } = api;
export { tzdbVersion, isSlaclockError } from './api.js';
export default init;
