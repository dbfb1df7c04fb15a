import { appContract } from './contracts/app';

/**
 * The single source of truth for every call between the UI and the core.
 * Each domain declares its methods in `contracts/<domain>.ts`; this object merges them.
 * Adding a domain is one import and one spread here, plus its handlers in the core.
 */
export const contract = {
  ...appContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
export { type InputOf, type OutputOf, type ParamsOf } from './define';
