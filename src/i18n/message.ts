/** One catalogue entry: a fixed text, or a function of named parameters. */
export type Params = Record<string, string | number>;
export type Message = string | ((p: Params) => string);
