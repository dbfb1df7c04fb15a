import type { ErrorPayload } from './errors';

/** A call as it crosses a transport. */
export interface RpcRequest {
  id: number | string;
  method: string;
  params: unknown;
}

/** The answer to a call: a value or a typed error, never a thrown exception across the boundary. */
export type RpcResponse =
  | { id: number | string; ok: true; value: unknown }
  | { id: number | string; ok: false; error: ErrorPayload };

/** A push from the core. */
export interface RpcEvent {
  event: string;
  payload: unknown;
}
