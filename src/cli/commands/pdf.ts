import type { Command } from '../main.ts';
import { UsageError } from '../io.ts';

// Placeholder until this command lands; replaced by its issue's work.
export const command: Command = {
  summary: 'pledge pdf (not implemented yet)',
  usage: 'pledge pdf',
  async run() {
    throw new UsageError('pledge pdf is not implemented yet.');
  },
};
