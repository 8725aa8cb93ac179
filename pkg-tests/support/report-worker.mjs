// A worker thread: builds the catalog and reports on its shard of tickets.
import { parentPort, workerData } from 'node:worker_threads';
import { SlaCatalog } from 'slaclock/sla';

const catalog = new SlaCatalog(workerData.catalog);
parentPort.postMessage(catalog.partialReport(workerData.tickets, workerData.options));
