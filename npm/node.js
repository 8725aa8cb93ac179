// Node >= 20: ready at import, no init call (`import { BusinessCalendar } from 'slaclock'`).
import { readFileSync } from 'node:fs';
import * as glue from './slaclock.js';
import { makeApi } from './api.js';

const api = makeApi(glue, () => readFileSync(new URL('./slaclock_bg.wasm', import.meta.url)));
api.init();

export const { BusinessCalendar, toZoned, fromLocal, presets, timeZones, init, initSync, isInitialized } = api;
export { tzdbVersion, isSlaclockError } from './api.js';
export default init;
