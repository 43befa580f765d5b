/** Expected failures are values, not exceptions (STYLE: "errors carry codes"). */
export type Result<T, E = Problem> = { ok: true; value: T } | { ok: false; error: E };

/** A failure a user can act on: a code for programs, a message for people. */
export interface Problem {
  code: string;
  /** One line: what is wrong and where. */
  message: string;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });
