import { describe, expect, it } from 'vitest';
import { addMonths, isUpdateDue } from '../../src-main/shared/release-age';

describe('when a new version is due', () => {
  it('is due only after six calendar months', () => {
    const built = '2026-06-05T10:00:00.000Z';
    expect(isUpdateDue(built, new Date('2026-06-05T10:00:00Z'))).toBe(false);
    expect(isUpdateDue(built, new Date('2026-12-05T10:00:00Z'))).toBe(false);
    expect(isUpdateDue(built, new Date('2026-12-05T10:00:01Z'))).toBe(true);
    expect(isUpdateDue(built, new Date('2027-06-01T00:00:00Z'))).toBe(true);
  });

  it('counts months on the calendar, the month end standing in for a missing day', () => {
    expect(addMonths(new Date('2026-08-31T12:00:00Z'), 6).toISOString()).toBe('2027-02-28T12:00:00.000Z');
    expect(addMonths(new Date('2027-08-31T12:00:00Z'), 6).toISOString()).toBe('2028-02-29T12:00:00.000Z');
    expect(addMonths(new Date('2026-07-15T00:00:00Z'), 6).toISOString()).toBe('2027-01-15T00:00:00.000Z');
  });

  it('never nags about a build without a readable date', () => {
    expect(isUpdateDue('', new Date())).toBe(false);
    expect(isUpdateDue('not a date', new Date())).toBe(false);
  });
});
