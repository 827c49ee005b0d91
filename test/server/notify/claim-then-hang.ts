/**
 * A dispatcher process that claims the due notifications and then hangs before sending, so the test
 * can kill it with SIGKILL between claim and send. Usage: tsx claim-then-hang.ts <postgres-url>
 */
import { openDatabase } from '../../../src/server/db/client.js';
import { claimDue } from '../../../src/server/notify/outbox.js';

const database = await openDatabase({ kind: 'postgres', url: process.argv[2], maxConnections: 1 });
const rows = await claimDue(database, `doomed-${process.pid}`, new Date(), 300_000, 100);
process.stdout.write(`claimed ${rows.length}\n`);
// Never send: the parent kills this process here.
setInterval(() => undefined, 60_000);
