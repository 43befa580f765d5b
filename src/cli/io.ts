// Where CLI output goes; tests pass their own to read what a command printed.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Thrown by a command to end with exit code 1 after it has printed why. */
export class CliFailure extends Error {}
