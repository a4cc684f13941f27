import { InputError, InputErrors, placeOf } from '../input-error.ts';
import { parseYaml } from '../yaml-source.ts';
import { pledgeJsonSchema, type PledgeJson } from './pledge-json.ts';
import { validateSource } from './validate.ts';

const REBUILD = 'pledge build writes this file: run `pledge build` again rather than edit it.';

/**
 * dist/pledge.json as a tool reads it: checked against the schema the build wrote it with. A file of
 * another shape (hand-edited, from another version) is one located InputError, never a guess.
 */
export function readPledgeJson(text: string, file: string): PledgeJson {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(syntaxErrorPlace(text, file), `This is not valid JSON: ${firstLine(error)}.`, REBUILD);
  }
  // The common case stays cheap; only a file that fails is parsed again for the places of its values.
  const parsed = pledgeJsonSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  try {
    return validateSource(parseYaml(text, file), pledgeJsonSchema);
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error;
    const [first] = error.errors as [InputError, ...InputError[]];
    const more = error.errors.length - 1;
    const others = more ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '';
    throw new InputError(first.place, `${first.message.replace(/\.$/, '')}${others}.`, REBUILD);
  }
}

/** JSON is YAML, and the YAML parser knows where it stopped; JSON.parse's position format varies by engine. */
function syntaxErrorPlace(text: string, file: string) {
  try {
    parseYaml(text, file);
  } catch (error) {
    if (error instanceof InputError) return error.place;
  }
  return placeOf(file);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // The place is given already; Node adds its own " in JSON at position 33 (line 2 column 19)".
  return (message.split('\n')[0] ?? message).replace(/ in JSON at position \d+.*$/, '').replace(/\.$/, '');
}
