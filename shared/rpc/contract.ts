import { appContract } from './contracts/app';
import { boardpackContract } from './contracts/boardpack';
import { connectionContract } from './contracts/connection';
import { demoContract } from './contracts/demo';
import { filesContract } from './contracts/files';
import { mappingContract } from './contracts/mapping';
import { planContract } from './contracts/plan';
import { reconcileContract } from './contracts/reconcile';
import { reportsContract } from './contracts/reports';
import { settingsContract } from './contracts/settings';
import { syncContract } from './contracts/sync';
import { workspaceContract } from './contracts/workspace';

/**
 * The single source of truth for every call between the UI and the core.
 * Each domain declares its methods in `contracts/<domain>.ts`; this object merges them.
 * Adding a domain is one import and one spread here, plus its handlers in the core.
 */
export const contract = {
  ...appContract,
  ...workspaceContract,
  ...demoContract,
  ...connectionContract,
  ...syncContract,
  ...settingsContract,
  ...filesContract,
  ...reportsContract,
  ...reconcileContract,
  ...boardpackContract,
  ...mappingContract,
  ...planContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
export { type InputOf, type OutputOf, type ParamsOf } from './define';
