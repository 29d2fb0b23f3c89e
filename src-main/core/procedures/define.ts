import type { z } from 'zod';
import type { Session } from '../workspace/session';

export interface Procedure<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  handler: (session: Session, input: z.output<I>) => O;
}

/** A named operation of the core: an input schema, validated on every call, and a handler. */
export const proc = <I extends z.ZodType, O>(input: I, handler: (session: Session, input: z.output<I>) => O): Procedure<I, O> => ({
  input,
  handler,
});
