import fs from 'node:fs';
import fsPromises from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

/**
 * Records every file this process opens through node:fs and node:fs/promises (open, readFile,
 * createReadStream and their sync forms), however the code imported them: the functions are wrapped on
 * the built-in modules and syncBuiltinESMExports hands the wrappers to every `import { open }` binding.
 * Worker threads are not traced (the files tests use are far below the size that starts them).
 */
export function traceOpens(): { opened: string[]; stop(): void } {
  const opened: string[] = [];
  const restore: Array<() => void> = [];
  const wrap = <T extends object>(target: T, name: keyof T & string) => {
    const original = target[name] as (...args: unknown[]) => unknown;
    (target as Record<string, unknown>)[name] = function traced(this: unknown, ...args: unknown[]) {
      if (typeof args[0] === 'string' || args[0] instanceof URL) opened.push(String(args[0]));
      return original.apply(this, args);
    };
    restore.push(() => { (target as Record<string, unknown>)[name] = original; });
  };
  for (const name of ['open', 'openSync', 'readFile', 'readFileSync', 'createReadStream'] as const) wrap(fs, name);
  for (const name of ['open', 'readFile'] as const) wrap(fsPromises, name);
  syncBuiltinESMExports();
  return {
    opened,
    stop() {
      restore.forEach((undo) => undo());
      syncBuiltinESMExports();
    },
  };
}
