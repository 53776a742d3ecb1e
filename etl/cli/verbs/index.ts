/** Every verb of the `etl` command, in the order `etl --help` lists them. */
import type { Verb } from '../verb.ts';
import { demoVerb } from './demo.ts';
import { factsVerb } from './facts.ts';
import { loadVerb } from './load.ts';
import { rejectsVerb } from './rejects.ts';
import { runVerb } from './run.ts';
import { statusVerb } from './status.ts';

export const VERBS: readonly Verb[] = [loadVerb, runVerb, factsVerb, statusVerb, rejectsVerb, demoVerb];

export function findVerb(name: string): Verb | undefined {
  return VERBS.find((v) => v.name === name);
}
