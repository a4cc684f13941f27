// First, so that it holds before any module below parses with zod at import.
import './jitless.ts';
import { processIO, type CliIO } from './io.ts';
import { command } from './commands/check.ts';
import { runCommand } from './run-command.ts';

/**
 * `pledge check` on its own, as main.ts would run it (`argv` after "check"). The installed package
 * bundles this into lib/check.cjs, which bin/pledge.mjs runs with a V8 code cache written after the
 * check (see scripts/build-lib.mjs).
 */
export function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  return runCommand(command, argv, io);
}
