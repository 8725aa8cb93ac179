// A Cloudflare-style module worker (bundled by test/runtimes.test.mjs with esbuild and
// the `workerd`/`worker`/`browser` conditions, as wrangler does), run by workerd. It
// answers `POST /deadline {calendar, start, duration}` with `{deadline}`, and `GET /check`
// with the shared runtime checks of `slaclock` and `slaclock/sla`.
import { BusinessCalendar } from 'slaclock';
import { check } from './deadline.mjs';
import { slaCheck } from './sla-check.mjs';

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === '/check') return Response.json({ runtime: 'workerd', ...check(), sla: slaCheck() });
    if (url.pathname === '/deadline' && request.method === 'POST') {
      try {
        const { calendar, start, duration } = await request.json();
        const cal = new BusinessCalendar(calendar);
        return Response.json({ deadline: cal.addBusinessTime(start, duration), timeZone: cal.timeZone });
      } catch (e) {
        return Response.json({ error: e.constructor.name, code: e.code ?? null, path: e.path ?? null, message: e.message }, { status: 400 });
      }
    }
    return new Response('not found', { status: 404 });
  },
};
