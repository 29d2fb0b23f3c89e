import { describe, expect, it } from 'vitest';
import { actionText, detailLines, doorText, targetText, type AuditEntryLike } from '../../src-main/shared/audit-text';
import { message } from '../../src-main/shared/i18n/translate';

// An audit entry in words, as the screen, the .xlsx and the CLI show it.

const ru = (k: string, p?: Record<string, string | number>) => message('ru', k, p);
const en = (k: string, p?: Record<string, string | number>) => message('en', k, p);
const entry = (over: Partial<AuditEntryLike>): AuditEntryLike => ({
  action: 'clients.update',
  door: 'electron',
  address: null,
  osUser: null,
  userName: 'Ольга',
  targetType: 'client',
  targetName: 'ООО «Ромашка»',
  targetCount: 1,
  details: null,
  ...over,
});

describe('audit entries in words', () => {
  it('changes as «field: old → new», codes and money in words, custom fields by their name', () => {
    const e = entry({
      details: {
        changes: {
          region: ['Москва', 'Казань'],
          kind: ['person', 'organization'],
          amount_kopecks: [100_000, 250_050],
          'custom:Бюджет': [null, '5'],
          active: [true, false],
        },
      },
    });
    expect(detailLines(ru, 'ru', e)).toEqual([
      'Регион: Москва → Казань',
      `Вид: ${message('ru', 'kinds.person')} → ${message('ru', 'kinds.organization')}`,
      'Сумма: 1\u00a0000,00 → 2\u00a0500,50',
      'Бюджет: — → 5',
      'Активен: да → нет',
    ]);
    expect(detailLines(en, 'en', e)[0]).toBe('Region: Москва → Казань');
  });

  it('actions, records and doors: known names, unknown actions as themselves', () => {
    expect(actionText(ru, 'clients.update')).toBe('Изменён клиент');
    expect(actionText(en, 'auth.login_failed')).toBe('Failed sign-in');
    expect(actionText(ru, 'something.new')).toBe('something.new');
    expect(targetText(ru, entry({}))).toBe('Клиент «ООО «Ромашка»»');
    expect(targetText(ru, entry({ targetCount: 10_000, targetName: null }))).toBe('Клиент: 10000 записей');
    expect(doorText(ru, entry({ door: 'http', address: '192.168.1.20' }))).toBe('сеть: 192.168.1.20');
    expect(doorText(ru, entry({ door: 'http' }))).toBe('браузер на этом компьютере');
    expect(doorText(en, entry({ door: 'cli', osUser: 'olga' }))).toBe('command line (olga)');
  });

  it('exports, imports, failures and pruning say their numbers', () => {
    expect(detailLines(ru, 'ru', entry({ action: 'exchange.export', details: { input: { entity: 'clients' }, result: { rows: 7, fileId: 'x' } } }))).toEqual([
      'строк: 7',
    ]);
    expect(detailLines(ru, 'ru', entry({ action: 'exchange.run', details: { result: { batchId: 'b', created: 2, updated: 0, skipped: 1 } } }))).toEqual([
      'Создано: 2',
      'Обновлено: 0',
      'Пропущено: 1',
    ]);
    expect(detailLines(ru, 'ru', entry({ action: 'auth.login_failed', details: { error: 'auth.bad_credentials', input: { login: 'olga' } } }))).toEqual([
      'ошибка: auth.bad_credentials',
    ]);
    expect(detailLines(en, 'en', entry({ action: 'audit.pruned', details: { count: 3, before: '2020-01-02T10:00:00.000Z' } }))[0]).toMatch(
      /^entries removed: 3 \(older than /,
    );
  });
});
