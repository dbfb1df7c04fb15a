import type { Clock } from './clock';
import type { Logger } from './logging/logger';
import type { Emit } from './rpc/handlers';
import type { SecretStore } from './secrets';

/** Everything a domain's handlers may use; built once per core by createCore, never global. */
export interface CoreServices {
  dataDir: string;
  secrets: SecretStore;
  logger: Logger;
  clock: Clock;
  emit: Emit;
}
