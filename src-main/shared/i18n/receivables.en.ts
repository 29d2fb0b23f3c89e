import type { receivablesErrorsRu, receivablesRu } from './receivables.ru';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const receivablesEn: Widen<typeof receivablesRu> = {
  title: 'Receivables',
};

export const receivablesErrorsEn: Widen<typeof receivablesErrorsRu> = {
  batch_kind: 'A bank statement holds payments, not documents',
};
