import type { Command } from '../main.ts';
import { UsageError } from '../io.ts';

// Placeholder until this command lands; replaced by its issue's work.
export const command: Command = {
  summary: 'pledge init (not implemented yet)',
  usage: 'pledge init',
  async run() {
    throw new UsageError('pledge init is not implemented yet.');
  },
};
