// Shared fixtures of the package tests. Expected values in the tests are worked out by
// hand from the calendar (and noted beside them), never read back from the engine.
import assert from 'node:assert/strict';

const day = [['08:00', '16:00']];
/** Helsinki, Mon–Fri 08:00–16:00. */
export const HELSINKI = { timeZone: 'Europe/Helsinki', weekly: { mon: day, tue: day, wed: day, thu: day, fri: day } };
/** The same with Finnish public holidays. */
export const HELSINKI_FI = { ...HELSINKI, presets: ['FI'] };
/** UTC, Mon–Fri 08:00–16:00. */
export const UTC_OFFICE = { timeZone: 'UTC', weekly: { mon: day, tue: day, wed: day, thu: day, fri: day } };
const all = [['00:00', '24:00']];
export const ALWAYS = { timeZone: 'UTC', weekly: { mon: all, tue: all, wed: all, thu: all, fri: all, sat: all, sun: all } };

export const HOUR = 3_600_000;

/** Asserts `f` throws `kind` with `code` and `path`; returns the error. */
export function throwsCoded(f, kind, code, path) {
  let err;
  assert.throws(f, (e) => {
    err = e;
    return true;
  });
  assert.ok(err instanceof kind, `expected ${kind.name}, got ${err?.constructor?.name}: ${err?.message}`);
  assert.equal(err.code, code, err.message);
  if (path !== undefined) assert.equal(err.path, path, err.message);
  return err;
}
