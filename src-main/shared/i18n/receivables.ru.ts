// Receivables: debts, payments and the work of collecting (Russian, the default language).

export const receivablesRu = {
  title: 'Дебиторская задолженность',
};

export const receivablesErrorsRu = {
  batch_kind: 'Выписка банка содержит платежи, а не документы',
};
