import type { Contract, InputOf, MethodName, OutputOf } from '../../../shared/rpc/contract';
import type { EventName, EventPayload } from '../../../shared/rpc/events';
import type { Logger } from '../logging/logger';

/** What every handler gets besides its input. */
export interface HandlerContext {
  signal: AbortSignal;
  logger: Logger;
}

/** A handler per contract method; a missing or misspelled one is a compile error in createCore. */
export type Handlers = {
  [K in MethodName]: (input: InputOf<Contract, K>, ctx: HandlerContext) => Promise<OutputOf<Contract, K>>;
};

/** Lets a domain implement only its own slice of the contract. */
export type HandlersFor<K extends MethodName> = Pick<Handlers, K>;

/** Emits a typed push event to every connected UI. */
export type Emit = <K extends EventName>(name: K, payload: EventPayload<K>) => void;
