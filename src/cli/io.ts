/** Where a command writes; tests pass their own to capture output. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** True on an interactive terminal outside CI: progress bars and prompts are allowed. */
  interactive: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export function processIO(): CliIO {
  const env = process.env;
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    interactive: Boolean(process.stdout.isTTY && process.stdin.isTTY) && !env.CI,
    cwd: process.cwd(),
    env,
  };
}

/** Exit codes of the design: 0 fine, 1 error findings or a broken promise, 2 invalid input or usage. */
export const EXIT = { ok: 0, findings: 1, input: 2 } as const;

export class UsageError extends Error {}

/** The value of an option that takes one of a few words (`--format json`), or a usage error naming them. */
export function oneOf<T extends string>(option: string, choices: readonly T[], value: string): T {
  const choice = choices.find((name) => name === value);
  if (choice === undefined) throw new UsageError(`--${option} must be one of ${choices.join(', ')}, not "${value}".`);
  return choice;
}
