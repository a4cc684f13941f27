import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
const PLEDGE = path.join(REPO, 'bin/pledge.mjs');

/** A throwaway copy of the example project (content/ only), so tests never touch the repo's own. */
export async function exampleCopy(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'pledge-wizard-'));
  // Without the example's notes and record: the tests draft promises with other commitment ids, and a
  // note on a commitment that is gone is an input error (tests/report/notes.test.ts).
  await cp(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true, filter: (from) => !/[\\/]content[\\/](notes|record)([\\/]|$)/.test(from) });
  return root;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * The real `pledge draft` in a real pseudo-terminal (tmux, on its own server socket so tests never
 * meet anyone else's sessions). Tests wait for what the screen shows, never for fixed times.
 */
export class Terminal {
  private readonly seen = new Map<string, number>();
  private readonly socket = `pledge-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  constructor(readonly cwd: string) {}

  start(args: string[]): void {
    this.launch(args, '');
  }

  /** Same, with stdin from /dev/null: pledge is not on a terminal, as in a script. */
  startPiped(args: string[]): void {
    this.launch(args, ' < /dev/null');
  }

  private launch(args: string[], redirect: string): void {
    const command = ['env', '-u', 'CI', 'PLEDGE_DEBUG=1', process.execPath, PLEDGE, ...args].map(shellQuote).join(' ') + redirect;
    // After pledge exits, print its exit code and keep the pane open so the test can read it.
    this.tmux('new-session', '-d', '-x', '120', '-y', '50', '-c', this.cwd, `${command}; echo "EXIT=$?"; sleep 600`);
    this.tmux('set-option', '-g', 'history-limit', '10000');
  }

  /** The whole session so far, scrollback included, lines joined where tmux wrapped them. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-10000');
  }

  /** Resolves once `expected` is on screen after `from` characters of output (so old matches do not count). */
  async waitFor(expected: string | RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = this.screen();
      // Matched on one long line: the wizard word-wraps its notes, and a phrase may span a wrap.
      const flat = text.replace(/\s*\n[│└]?\s*/g, ' ');
      if (typeof expected === 'string' ? flat.includes(expected) : expected.test(flat)) return text;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(expected)}. Screen:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Waits for the next appearance of `text`: prompts repeat (one per commitment), so each call
   * waits for one more occurrence than the last call for the same text saw.
   */
  async next(text: string, timeoutMs = 30_000): Promise<string> {
    const times = (this.seen.get(text) ?? 0) + 1;
    this.seen.set(text, times);
    return this.waitFor(new RegExp(`(${escape(text)}[\\s\\S]*){${times}}`), timeoutMs);
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', ...keys);
  }

  /** Types text literally, then presses Enter. */
  type(text: string): void {
    if (text) this.tmux('send-keys', '-l', text);
    this.keys('Enter');
  }

  /** Clears a pre-filled answer (clack puts the cursor at its end) and types a new one. */
  retype(old: string, text: string): void {
    this.keys(...Array.from({ length: [...old].length }, () => 'BSpace'));
    this.type(text);
  }

  async exitCode(): Promise<number> {
    const screen = await this.waitFor(/EXIT=\d+/);
    return Number(/EXIT=(\d+)/.exec(screen)?.[1]);
  }

  stop(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // Already gone.
    }
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
}

function shellQuote(arg: string): string {
  return /^[\w./=-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
