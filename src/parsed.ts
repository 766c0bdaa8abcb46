/**
 * What reading or checking something that may be wrong gives: its value, or why not, as a message
 * for a person (a marker, a reference, a rule, a functionConfig, the command line), or as an error
 * with a code and a place (a payload).
 */
export type Parsed<T, E = string> = { ok: true; value: T } | { ok: false; error: E };
