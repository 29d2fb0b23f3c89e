// Receivables: debts, payments and the work of collecting (Russian, the default language).

export const receivablesRu = {
  title: 'Дебиторская задолженность',
  col: {
    inn: 'ИНН',
    debt: 'Долг',
    notDue: 'Срок не наступил',
    b0_30: 'Просрочка 0–30 дн.',
    b31_60: 'Просрочка 31–60 дн.',
    b61_90: 'Просрочка 61–90 дн.',
    b90plus: 'Просрочка более 90 дн.',
    advance: 'Аванс',
    oldestDocument: 'Самый старый документ',
    oldestDate: 'Дата документа',
    oldestDays: 'Дней просрочки',
    nextStep: 'Следующий шаг',
    nextStepDate: 'Дата шага',
    sales: 'Отгрузки за месяц',
    debtAtEnd: 'Долг на конец месяца',
    dso: 'DSO, дней',
  },
  actions: {
    task: 'Звонок',
    letter: 'Письмо-напоминание',
    claim: 'Претензия',
  },
  notes: {
    asOf: 'Задолженность на {{asOf}}; просрочка — в календарных днях от срока оплаты (дата документа + отсрочка).',
    dso: 'DSO = долг на конец месяца ÷ отгрузки месяца × дней в месяце.',
  },
};

export const receivablesErrorsRu = {
  batch_kind: 'Выписка банка содержит платежи, а не документы',
};
