import { z } from 'zod';
import { InputError, InputErrors, placeOf, type Place } from '../input-error.ts';
import { periodKindOf } from '../kpi/period.ts';
import type { KpisFile } from '../schema/kpis.ts';
import { periodKey, type PromiseDoc } from '../schema/promise.ts';
import { validateSource } from '../schema/validate.ts';
import { commitmentPeriodKind } from '../schema/versions.ts';
import { parseYaml } from '../yaml-source.ts';

/** The front matter of a note in content/notes/: which period of which commitment it explains. */
export const noteFrontMatterSchema = z.strictObject({
  commitment: z.string().trim().min(1, 'a note needs a commitment. | Write the id of a commitment from promise.yaml, for example commitment: on-time-delivery.'),
  period: periodKey,
});

/** A public note on one period, read and validated; its markdown is rendered at build time. */
export interface Note {
  commitment: string;
  period: string;
  markdown: string;
  /** As shown in messages (`content/notes/2026-02-on-time-delivery.md`). */
  file: string;
  /** Where its front matter says which commitment and which period, for messages. */
  places: { commitment: Place; period: Place };
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Splits and validates a note. The front matter is parsed with the `---` line kept as an empty line,
 * so a mistake in it is reported at its line in the file.
 */
export function parseNote(text: string, file: string): Note {
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    throw new InputError(placeOf(file), 'This note has no front matter.',
      'Start the file with ---, then commitment: <id> and period: <e.g. 2026-02> on their own lines, then --- and the note.');
  }
  const source = parseYaml(`\n${match[1] ?? ''}`, file);
  const front = validateSource(source, noteFrontMatterSchema);
  const places = { commitment: source.locate(['commitment']), period: source.locate(['period']) };
  return { ...front, markdown: text.slice(match[0].length), file, places };
}

/** Every note names a commitment that exists, a period of its kind, and no two notes share a period. */
export function validateNotes(notes: readonly Note[], promise: PromiseDoc, kpis: KpisFile | undefined): void {
  const errors: InputError[] = [];
  const seen = new Map<string, string>();
  for (const note of notes) {
    const commitment = promise.commitments.find((c) => c.id === note.commitment);
    const kind = commitment && commitmentPeriodKind(commitment, kpis);
    const key = `${note.commitment} ${note.period}`;
    if (!commitment) {
      errors.push(new InputError(note.places.commitment, `This note is about commitment "${note.commitment}", which promise.yaml does not have.`,
        `Use one of: ${promise.commitments.map((c) => c.id).join(', ')}.`));
    } else if (kind && periodKindOf(note.period) !== kind) {
      errors.push(new InputError(note.places.period, `This note's period "${note.period}" is not a ${kind}, but commitment "${note.commitment}" is judged by ${kind}.`,
        `Write the ${kind} it explains, in the form the page uses (${kind === 'month' ? '2026-02' : kind === 'quarter' ? '2026-Q1' : '2026-W07'}).`));
    } else if (seen.has(key)) {
      errors.push(new InputError(note.places.period, `${seen.get(key)} already explains ${note.period} of "${note.commitment}".`,
        'Keep one note per period: merge the two files.'));
    }
    seen.set(key, note.file);
  }
  if (errors.length) throw new InputErrors(errors);
}
