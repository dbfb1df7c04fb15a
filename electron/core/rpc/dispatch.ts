import { z } from 'zod';
import { contract, type MethodName } from '../../../shared/rpc/contract';
import type { RpcRequest, RpcResponse } from '../../../shared/rpc/envelope';
import { AppError, toErrorPayload } from '../../../shared/rpc/errors';
import type { Logger } from '../logging/logger';
import type { Handlers } from './handlers';

function isMethod(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}

/**
 * The one dispatcher: look the method up, validate the input against the contract, run the handler,
 * and answer with an envelope. Transports only move bytes; they never see a thrown exception.
 */
export function createDispatcher(handlers: Handlers, logger: Logger) {
  return async function dispatch(request: RpcRequest, signal: AbortSignal = new AbortController().signal): Promise<RpcResponse> {
    const id = request?.id ?? 0;
    try {
      if (!isMethod(request?.method)) {
        throw new AppError('unknown_method', `Unknown method "${String(request?.method)}".`);
      }
      const method = request.method;
      const parsed = contract[method].input.safeParse(request.params ?? {});
      if (!parsed.success) {
        throw new AppError('validation', `Invalid input for ${method}: ${describeIssues(parsed.error)}`, {
          details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
        });
      }
      const handler = handlers[method] as (input: unknown, ctx: { signal: AbortSignal; logger: Logger }) => Promise<unknown>;
      const value = await handler(parsed.data, { signal, logger: logger.child(method) });
      return { id, ok: true, value };
    } catch (error) {
      if (!(error instanceof AppError)) {
        logger.error('handler failed', { method: String(request?.method), error: error instanceof Error ? error.stack : String(error) });
      }
      return { id, ok: false, error: toErrorPayload(error) };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
