import type { receivablesErrorsRu, receivablesRu } from './receivables.ru';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const receivablesEn: Widen<typeof receivablesRu> = {
  title: 'Receivables',
  col: {
    inn: 'INN',
    debt: 'Debt',
    notDue: 'Not yet due',
    b0_30: 'Overdue 0–30 days',
    b31_60: 'Overdue 31–60 days',
    b61_90: 'Overdue 61–90 days',
    b90plus: 'Overdue over 90 days',
    advance: 'Advance',
    oldestDocument: 'Oldest document',
    oldestDate: 'Document date',
    oldestDays: 'Days overdue',
    nextStep: 'Next step',
    nextStepDate: 'Step date',
    sales: 'Sales in the month',
    debtAtEnd: 'Debt at month end',
    dso: 'DSO, days',
  },
  actions: {
    task: 'Call',
    letter: 'Reminder letter',
    claim: 'Claim',
  },
  notes: {
    asOf: 'Debt as of {{asOf}}; overdue in calendar days from the due date (document date + payment days).',
    dso: 'DSO = debt at the month end ÷ the month’s sales × days in the month.',
  },
};

export const receivablesErrorsEn: Widen<typeof receivablesErrorsRu> = {
  batch_kind: 'A bank statement holds payments, not documents',
};
