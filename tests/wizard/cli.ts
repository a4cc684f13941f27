import { main } from '../../src/cli/main.ts';
import type { CliIO } from '../../src/cli/io.ts';

/** Runs the CLI in-process, as on a pipe (not a terminal), capturing what it prints. */
export async function runCli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    out: (text) => { out += text; },
    err: (text) => { err += text; },
    interactive: false,
    cwd,
    env,
  };
  const code = await main(argv, io);
  return { code, out, err };
}
