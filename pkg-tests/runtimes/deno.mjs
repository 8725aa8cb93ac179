// Run by test/runtimes.test.mjs with the `deno` npm package: the package resolves by
// name from node_modules with Deno's `deno` condition, ready at import.
import { check } from './deadline.mjs';
import { slaCheck } from './sla-check.mjs';

console.log(JSON.stringify({ runtime: `deno ${Deno.version.deno}`, ...check(), sla: slaCheck() }));
