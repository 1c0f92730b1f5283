import { main } from '../src/cli/main.js';
import { nodeIo } from './node-io.js';

// Set the exit code rather than calling process.exit, so piped output is flushed.
process.exitCode = await main(process.argv.slice(2), nodeIo, process.env.TRIALSIM_DEBUG === '1');
