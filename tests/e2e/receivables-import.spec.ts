import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { encode, inn10, paymentFromUs, paymentToUs, statementText, writeOsv } from '../helpers/onec-fixtures';

// The accountant's three files through the Exchange page as a user brings them: the ОСВ
// по 62 (one counterparty the workspace does not know, mapped once by hand), the bank
// statement in Windows-1251 (a payment naming its УПД, a stranger made a client in one
// click, our own payment out left alone), and a plain list of documents. Then the card
// shows what the files say is owed.

test('ОСВ 62, bank statement and a document list through «Обмен данными»: names mapped once, debts on the card', async ({ app: page, server }) => {
  test.setTimeout(180_000); // several uploads on a loaded machine; no timed assertion
  const romashka = await server.api<{ id: string }>('clients.create', { kind: 'organization', name: 'ООО «Ромашка»', inn: inn10(11) });
  const vasilek = await server.api<{ id: string }>('clients.create', { kind: 'organization', name: 'ООО «Василёк»', inn: inn10(12) });
  const dir = mkdtempSync(join(tmpdir(), 'kartoteka-onec-'));

  // 1. The trial balance: «Ромашка» is found by its name («» / "" and ООО folded); «Незнакомец» is not.
  const osv = join(dir, 'ОСВ 62 за 1 квартал 2026.xlsx');
  await writeOsv(osv, {
    parties: [
      { name: 'ООО "Ромашка"', contracts: [{ name: 'Основной договор', docs: [{ number: 'ГР00-000123', date: '15.02.2026', dt: 12_000_000, cd: 12_000_000 }] }] },
      { name: 'ЗАО «Незнакомец»', docs: [{ number: 'ГР00-000200', date: '20.02.2026', dt: 5_000_000, cd: 5_000_000 }] },
    ],
  });
  await page.getByRole('link', { name: 'Обмен данными' }).click();
  const panel = page.getByTestId('onec-import');
  await panel.getByTestId('onec-file').setInputFiles(osv);
  const analysis = panel.getByTestId('onec-analysis');
  await expect(analysis).toContainText('Оборотно-сальдовая ведомость по счёту 62');
  await expect(analysis).toContainText('Документов: 2');
  const unmatched = analysis.getByTestId('onec-unmatched-row');
  await expect(unmatched).toHaveCount(1);
  await expect(unmatched).toContainText('ЗАО «Незнакомец»');
  // Nothing is written until every name is settled.
  await expect(analysis.getByRole('button', { name: 'Осталось указать: 1' })).toBeDisabled();
  await unmatched.getByPlaceholder('Начните вводить имя, телефон или ИНН').fill('Василёк');
  await unmatched.getByRole('option').getByRole('button', { name: 'ООО «Василёк»' }).click();
  await analysis.getByRole('button', { name: 'Загрузить', exact: true }).click();
  const result = panel.getByTestId('onec-result');
  await expect(result).toContainText('Документы: новых 2');

  // 2. The bank statement, Windows-1251 with CRLF as 1C writes kl_to_1c.txt.
  const bank = join(dir, 'kl_to_1c.txt');
  writeFileSync(
    bank,
    encode(
      statementText(
        [
          paymentToUs('501', '10.03.2026', '30000.00', inn10(11), 'ООО "Ромашка"', 'Оплата по УПД № ГР00-000123 от 15.02.2026, в т.ч. НДС'),
          paymentToUs('502', '11.03.2026', '7000.00', inn10(99), 'ООО "Чужой Ёжик"', 'Предоплата по счету 9'),
          paymentFromUs('77', '12.03.2026', '1500.00', inn10(98), 'ООО "Поставщик"'),
        ],
        { eol: '\r\n' },
      ),
      'windows-1251',
    ),
  );
  await panel.getByLabel('Что загружаем').selectOption('payments');
  await panel.getByTestId('onec-file').setInputFiles(bank);
  await expect(analysis).toContainText('Выписка банка');
  await expect(analysis).toContainText('Исходящих платежей пропущено: 1.');
  await analysis.getByRole('button', { name: 'Загрузить', exact: true }).click();
  await expect(result).toContainText('Оплаты: новых 2');
  const strangers = result.getByTestId('onec-strangers');
  await expect(strangers).toContainText('ООО "Чужой Ёжик"');
  await strangers.getByRole('button', { name: 'Сделать клиентом' }).click();
  await expect(page.getByText('Клиент «ООО "Чужой Ёжик"» создан, оплат прикреплено: 1')).toBeVisible();

  // 3. A plain list of documents, as an accountant exports it to CSV.
  const list = join(dir, 'Документы.csv');
  writeFileSync(list, ['Контрагент;ИНН;Номер;Дата;Сумма;Оплачено', `ООО «Василёк»;${inn10(12)};Сч-45;01.03.2026;2 500,00;500,00`].join('\r\n'));
  await panel.getByLabel('Что загружаем').selectOption('receivables');
  await panel.getByTestId('onec-file').setInputFiles(list);
  await expect(analysis).toContainText('Список документов');
  await analysis.getByRole('button', { name: 'Загрузить', exact: true }).click();
  await expect(result).toContainText('Документы: новых 1');

  // The card: 120 000,00 shipped, 30 000,00 paid against that very УПД.
  await page.goto(`${server.url}#/clients/${romashka.id}`);
  await expect(page.getByTestId('debt-panel').getByTestId('debt-total')).toHaveText(/^90\s000(,00)?\s₽$/);
  // «Василёк»: 50 000 of the ОСВ's «Незнакомец» mapped to it, and 2 000 still open of the list's invoice.
  await page.goto(`${server.url}#/clients/${vasilek.id}`);
  await expect(page.getByTestId('debt-panel').getByTestId('debt-total')).toHaveText(/^52\s000(,00)?\s₽$/);
});
