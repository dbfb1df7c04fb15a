import type { z } from 'zod';

/** One RPC method: its input schema (validated at the core's door) and its output schema. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

/** A map of method name (`domain.verbNoun`) to its spec. */
export type ContractShape = Record<string, MethodSpec>;

/** The parsed input a handler receives. */
export type InputOf<C extends ContractShape, K extends keyof C> = z.output<C[K]['input']>;
/** What a caller may pass (before defaults and transforms). */
export type ParamsOf<C extends ContractShape, K extends keyof C> = z.input<C[K]['input']>;
/** What a caller receives. */
export type OutputOf<C extends ContractShape, K extends keyof C> = z.output<C[K]['output']>;

/** Declares a domain's methods while keeping their literal types. */
export function defineContract<C extends ContractShape>(contract: C): C {
  return contract;
}
