import type { Command } from '../main.ts';
import { UsageError } from '../io.ts';

// Placeholder until this command lands; replaced by its issue's work.
export const command: Command = {
  summary: 'pledge draft (not implemented yet)',
  usage: 'pledge draft',
  async run() {
    throw new UsageError('pledge draft is not implemented yet.');
  },
};
