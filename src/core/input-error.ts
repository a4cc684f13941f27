/** Where something is in an input file: 1-based line and column. */
export interface Place {
  file: string;
  line: number;
  column: number;
}

/**
 * Bad input the user can fix: it always names the place, what is wrong and how to fix it.
 * The CLI prints each as one line and exits 2; it never becomes a stack trace.
 */
export class InputError extends Error {
  readonly place: Place;
  readonly hint: string;

  constructor(place: Place, message: string, hint: string) {
    super(message);
    this.name = 'InputError';
    this.place = place;
    this.hint = hint;
  }
}

/** Several input errors found in one pass, so the user can fix them all at once. */
export class InputErrors extends Error {
  readonly errors: InputError[];

  constructor(errors: InputError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'InputErrors';
    this.errors = errors;
  }
}

export function placeOf(file: string, line = 1, column = 1): Place {
  return { file, line, column };
}

/**
 * One line: `file:line:col  what is wrong. How to fix it.` Control characters quoted from a bad file
 * are shown as escapes, so a binary file cannot break the line or drive the user's terminal.
 */
export function formatInputError(error: InputError): string {
  const { file, line, column } = error.place;
  return showControlCharacters(`${file}:${line}:${column}  ${error.message} ${error.hint}`.trimEnd());
}

/** Control characters as `\\u000a`-style escapes, so text from a data file stays on one line and inert. */
export function showControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function inputErrorsOf(error: unknown): InputError[] | undefined {
  if (error instanceof InputError) return [error];
  if (error instanceof InputErrors) return error.errors;
  return undefined;
}
