import type { Command } from '../main.ts';
import { UsageError } from '../io.ts';

// Placeholder until this command lands; replaced by its issue's work.
export const command: Command = {
  summary: 'pledge kpi (not implemented yet)',
  usage: 'pledge kpi',
  async run() {
    throw new UsageError('pledge kpi is not implemented yet.');
  },
};
