/** Entry of the `etl` command (`npm run etl -- <verb>`, or the package's bin via etl/bin/etl.mjs). */
import { runCli } from './run-cli.ts';

process.exitCode = await runCli(process.argv.slice(2), process.env);
