// `slaclock/sla` for browsers and everything else: the calendar engine plus `SlaCatalog`;
// `await init()` once (it fetches sla/slaclock_sla_bg.wasm next to this file).
import * as glue from './slaclock_sla.js';
import { makeApi } from '../api.js';

const api = makeApi(glue, undefined, 'slaclock/sla');

export const { BusinessCalendar, SlaCatalog, toZoned, fromLocal, presets, timeZones, init, initSync, isInitialized } = api;
export { tzdbVersion, isSlaclockError } from '../api.js';
export default init;
