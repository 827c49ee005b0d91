/** Runs the real server on a copy of the build (STATIC_COPY_DIR), so a journey can ship a "new version". */
import { main } from '../../src/server/main.js';

main({ staticDir: process.env.STATIC_COPY_DIR }).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
