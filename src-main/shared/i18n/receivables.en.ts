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
  tasks: {
    call: 'Call about the debt: {{client}} — {{amount}}, {{days}} days overdue',
    callText: 'Overdue documents: {{documents}}. Debt {{amount}}. Agree on a payment date and record the promise on the client card.',
    promiseBroken: 'Promise to pay broken: {{client}} — {{amount}} by {{date}}',
    promiseBrokenText: 'The client promised to pay {{amount}} by {{date}}; {{paid}} came in. Call and agree again.',
  },
  letters: {
    reminder: {
      title: 'Payment reminder',
      intro: 'Dear colleagues, {{company}} reminds you that as of {{date}} {{client}} has unpaid documents past their due date ({{count}}) totalling {{amount}}.',
      demand: 'Please pay the debt at your earliest convenience. If you have already paid, please send us a copy of the payment order.',
      closing: 'Thank you for your cooperation.',
    },
    claim: {
      title: 'Claim',
      intro: 'As of {{date}} the debt of {{client}} to {{company}} for the documents below is {{amount}}; their due dates have passed.',
      demand: 'We demand payment of {{amount}} by {{deadline}}.',
      closing: 'Failing payment by that date we will have to apply to the arbitration court for the debt, interest for the use of the funds (Art. 395 of the Civil Code) and legal costs.',
    },
    number: 'Document',
    date: 'Date',
    due: 'Due',
    amount: 'Amount',
    open: 'Unpaid',
    days: 'Days overdue',
    total: 'Total debt',
  },
  notes: {
    asOf: 'Debt as of {{asOf}}; overdue in calendar days from the due date (document date + payment days).',
    dso: 'DSO = debt at the month end ÷ the month’s sales × days in the month.',
  },
};

export const receivablesErrorsEn: Widen<typeof receivablesErrorsRu> = {
  batch_kind: 'A bank statement holds payments, not documents',
  amount_positive: 'The amount must be above zero',
  quantity_positive: 'The quantity must be above zero',
  due_before_date: 'The due date cannot be before the document date',
  allocation_exceeds_payment: 'More is allocated than the payment’s amount',
  document_other_client: 'This document is another client’s',
  document_overpaid: 'Document {{number}} would be paid beyond its amount',
  payment_no_client: 'First choose the client this payment is from',
  document_imported: 'The document came from a 1C file — it changes with the next file',
  document_duplicate: 'The client already has a document with this number and date',
  deal_other_client: 'The deal is another client’s',
};
