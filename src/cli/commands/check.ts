import type { Command } from '../main.ts';
import { UsageError } from '../io.ts';

// Placeholder until this command lands; replaced by its issue's work.
export const command: Command = {
  summary: 'pledge check (not implemented yet)',
  usage: 'pledge check',
  async run() {
    throw new UsageError('pledge check is not implemented yet.');
  },
};
