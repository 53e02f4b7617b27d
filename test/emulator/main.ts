/**
 * CLI: node out/test/emulator/main.js [--port N] [--page-size N] [--world demo|empty] [--lro-polls N] [--retry-after S]
 * Prints exactly one line, `ARM emulator listening on http://127.0.0.1:PORT`, when ready; runs until SIGTERM/SIGINT.
 * Recording: set ARM_TRAFFIC_DIR to write oav traffic files.
 */
import { startEmulator, type EmulatorOptions } from './server';

function parseArgs(argv: string[]): EmulatorOptions {
  const options: EmulatorOptions = {};
  const int = (flag: string, value: string | undefined, min: number): number => {
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < min) {
      throw new Error(`${flag} needs an integer >= ${min}`);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--port': options.port = int(flag, value, 0); i++; break;
      case '--page-size': options.pageSize = int(flag, value, 1); i++; break;
      case '--lro-polls': options.lroPollsToComplete = int(flag, value, 0); i++; break;
      case '--retry-after': options.retryAfterSeconds = int(flag, value, 0); i++; break;
      case '--host': options.host = value; i++; break;
      case '--world':
        if (value !== 'demo' && value !== 'empty') throw new Error('--world must be demo or empty');
        options.world = value; i++; break;
      default:
        throw new Error(`Unknown argument '${flag}'`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  let options: EmulatorOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\nusage: main.js [--port N] [--page-size N] [--world demo|empty] [--lro-polls N] [--retry-after S]\n`);
    process.exit(2);
  }
  if (process.env.ARM_EMULATOR_VERBOSE) options.log = (line) => process.stderr.write(`${line}\n`);
  const emulator = await startEmulator(options);
  process.stdout.write(`ARM emulator listening on ${emulator.url}\n`);
  const stop = () => {
    emulator.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`ARM emulator failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
