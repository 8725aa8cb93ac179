// `slaclock/sla` for Node >= 20: the calendar engine plus `SlaCatalog` (SLA clocks,
// reports), ready at import like `slaclock`. Its own, larger module (sla/slaclock_sla_bg.wasm).
import { readFileSync } from 'node:fs';
import * as glue from './slaclock_sla.js';
import { makeApi } from '../api.js';

const api = makeApi(glue, () => readFileSync(new URL('./slaclock_sla_bg.wasm', import.meta.url)), 'slaclock/sla');
api.init();

export const { BusinessCalendar, SlaCatalog, toZoned, fromLocal, presets, timeZones, init, initSync, isInitialized } = api;
export { tzdbVersion, isSlaclockError } from '../api.js';
export default init;
