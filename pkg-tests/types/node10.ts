// Type-checked by test/package.test.mjs with TypeScript's older `moduleResolution: node`
// (node10), which ignores `exports`: `slaclock/sla` resolves through `typesVersions`.
import { BusinessCalendar } from 'slaclock';
import { SlaCatalog, type TicketEvaluation } from 'slaclock/sla';

const cal: BusinessCalendar = new BusinessCalendar({ timeZone: 'UTC', weekly: { mon: [['08:00', '16:00']] } });
const catalog = new SlaCatalog({ calendars: [], serviceLevels: [], services: [] });
const e: TicketEvaluation = catalog.evaluate({ id: 'T', service: 's', priority: 'P1', createdAt: 0 }, 0);
// @ts-expect-error: the calendar module has no SlaCatalog
import { SlaCatalog as NotThere } from 'slaclock';
console.log(cal.timeZone, e.ticketId, NotThere);
