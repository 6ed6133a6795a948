/** Turns a handler map into one `dispatch(method, input)` used by every transport. */
import type { Method, Output, ParsedInput } from './contract.js';
import { contract, isMethod } from './contract.js';
import type { Result } from './result.js';
import { AppError, failure } from './result.js';
import { ModelError } from '../model/errors.js';

export type Handlers = {
  [M in Method]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
};

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

export function createDispatch(handlers: Handlers, onInternalError: (err: unknown) => void = () => {}): Dispatch {
  return async (method, rawInput) => {
    if (!isMethod(method)) return failure('unknown_method', `Unknown method "${String(method).slice(0, 80)}"`);
    const parsed = contract[method].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue ? issue.path.map(String).join('.') : '';
      const where = field ? `field "${field}"` : 'input';
      return failure('bad_input', `Invalid ${where} for ${method}: ${issue?.message ?? 'invalid'}`, { field });
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: value ?? null };
    } catch (err) {
      if (err instanceof AppError) {
        return failure(err.code, err.message, {
          ...(err.field !== undefined ? { field: err.field } : {}),
          ...(err.params !== undefined ? { params: err.params } : {}),
        });
      }
      if (err instanceof ModelError) {
        // A model function refused its numbers (e.g. a count above the population): the caller's input.
        return failure('bad_input', err.message, err.params ? { params: { ...err.params, reason: err.code } } : { params: { reason: err.code } });
      }
      onInternalError(err);
      return failure('internal', err instanceof Error ? err.message : 'Internal error');
    }
  };
}
