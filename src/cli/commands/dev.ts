import type { Command } from '../main.ts';
import { UsageError } from '../io.ts';

// Placeholder until this command lands; replaced by its issue's work.
export const command: Command = {
  summary: 'pledge dev (not implemented yet)',
  usage: 'pledge dev',
  async run() {
    throw new UsageError('pledge dev is not implemented yet.');
  },
};
