import * as fs from 'node:fs/promises';
import * as readline from 'node:readline/promises';

/**
 * Everything the CLI touches outside itself, passed in so tests run it in-process: output, the
 * environment, the working directory, the clock, files and the confirmation prompt.
 */
export type CliIo = {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly now: () => Date;
  readonly readFile: (path: string) => Promise<string>;
  /** Asks a yes/no question; false when nobody can answer (no terminal). */
  readonly confirm: (question: string) => Promise<boolean>;
  readonly interactive: boolean;
};

/** The real world: process streams, environment, clock, files and a readline prompt. */
export const nodeIo = (): CliIo => ({
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
  readFile: (path) => fs.readFile(path, 'utf8'),
  interactive: process.stdin.isTTY === true,
  confirm: async (question) => {
    if (process.stdin.isTTY !== true) return false;
    const prompt = readline.createInterface({ input: process.stdin, output: process.stdout });
    try {
      const answer = (await prompt.question(`${question} `)).trim().toLowerCase();
      return ['c', 'có', 'co', 'y', 'yes'].includes(answer);
    } finally {
      prompt.close();
    }
  },
});

/** A refusal the CLI explains and exits with: 2 for bad usage, 1 for everything else. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A bad argument or option: exit code 2. */
export const usageError = (vi: string, en: string): CliError => new CliError(`${vi} / ${en}`, 2);
