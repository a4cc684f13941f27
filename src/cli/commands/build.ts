import type { Command } from '../main.ts';
import { UsageError } from '../io.ts';

// Placeholder until this command lands; replaced by its issue's work.
export const command: Command = {
  summary: 'pledge build (not implemented yet)',
  usage: 'pledge build',
  async run() {
    throw new UsageError('pledge build is not implemented yet.');
  },
};
