import { EXIT, processIO, type CliIO } from './io.ts';
import { runCommand } from './run-command.ts';
import { PLEDGE_VERSION } from './version.ts';

export interface Command {
  summary: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

/** Lazy, so `pledge check` never loads Astro or puppeteer. */
const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  init: () => import('./commands/init.ts'),
  draft: () => import('./commands/draft.ts'),
  check: () => import('./commands/check.ts'),
  kpi: () => import('./commands/kpi.ts'),
  record: () => import('./commands/record.ts'),
  build: () => import('./commands/build.ts'),
  pdf: () => import('./commands/pdf.ts'),
  dev: () => import('./commands/dev.ts'),
};

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(await helpText());
    return name ? EXIT.ok : EXIT.input;
  }
  if (name === '--version' || name === '-v') {
    io.out(`pledge ${PLEDGE_VERSION}\n`);
    return EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`pledge: unknown command "${name}". Run \`pledge --help\` to see the commands: ${Object.keys(COMMANDS).join(', ')}.\n`);
    return EXIT.input;
  }
  const { command } = await load();
  return runCommand(command, rest, io);
}

async function helpText(): Promise<string> {
  const lines = await Promise.all(Object.entries(COMMANDS).map(async ([name, load]) => {
    try {
      return `  ${name.padEnd(7)} ${(await load()).command.summary}`;
    } catch {
      return `  ${name.padEnd(7)} (not available in this build)`;
    }
  }));
  return `pledge: turn a customer promise into something you can prove.\n\nCommands:\n${lines.join('\n')}\n\nRun \`pledge <command> --help\` for a command's options.\n`;
}
