import { DayPicker } from 'react-day-picker';
import { enUS, ru } from 'react-day-picker/locale';
import { useTranslation } from 'react-i18next';
import 'react-day-picker/style.css';
import { isIsoDate, type DateLang } from './dateText';

const toDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
};
const toIso = (d: Date) => `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * The month grid under a date field (react-day-picker: arrows move by day, PageUp/
 * PageDown by month, Home/End within the week, Enter picks; translated labels for
 * screen readers). Esc closes it and gives the focus back to the field.
 */
export function CalendarPopup(props: { value: string; lang: DateLang; onPick: (iso: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const selected = isIsoDate(props.value) ? toDate(props.value) : undefined;
  const today = new Date();
  return (
    <div
      className="date-popup"
      role="dialog"
      aria-label={t('dates.calendar')}
      data-testid="date-popup"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <DayPicker
        mode="single"
        selected={selected}
        onSelect={(d) => (d ? props.onPick(toIso(d)) : props.onClose())}
        defaultMonth={selected ?? today}
        locale={props.lang === 'en' ? enUS : ru}
        captionLayout="dropdown"
        startMonth={new Date(1900, 0)}
        endMonth={new Date(today.getFullYear() + 20, 11)}
        showOutsideDays
        autoFocus
      />
    </div>
  );
}
