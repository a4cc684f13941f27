import { formatInputError, inputErrorsOf } from '../core/input-error.ts';
import { EXIT, UsageError, type CliIO } from './io.ts';
import type { Command } from './main.ts';

/**
 * Runs one command with its arguments (after the command's name): its help, or the command with bad
 * input turned into located lines and exit code 2. Apart from main.ts, whose table names every command,
 * so that check-main.ts can run `pledge check` without the other commands in its bundle.
 */
export async function runCommand(command: Command, argv: string[], io: CliIO): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return EXIT.ok;
  }
  return runGuarded(command, argv, io);
}

async function runGuarded(command: Command, argv: string[], io: CliIO): Promise<number> {
  try {
    return await command.run(argv, io);
  } catch (error) {
    const inputErrors = inputErrorsOf(error);
    if (inputErrors) {
      for (const inputError of inputErrors) io.err(`${formatInputError(inputError)}\n`);
      return EXIT.input;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`pledge: ${(error as Error).message}\nUsage: ${command.usage}\n`);
      return EXIT.input;
    }
    // A bug in pledge, not bad input: one line, and the stack only when asked for.
    io.err(`pledge: internal error: ${(error as Error).message ?? String(error)}. Please report it; run with PLEDGE_DEBUG=1 for details.\n`);
    if (io.env.PLEDGE_DEBUG) io.err(`${(error as Error).stack ?? ''}\n`);
    return 70;
  }
}
