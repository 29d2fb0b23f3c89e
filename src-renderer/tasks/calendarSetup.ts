import { dateFnsLocalizer } from 'react-big-calendar';
import { format, getDay, parse, startOfWeek } from 'date-fns';
import { enUS, ru } from 'date-fns/locale';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';

// react-big-calendar with its date-fns localizer: weeks start on Monday in both
// languages (Russian custom), Russian month and day names by default.
export const localizer = dateFnsLocalizer({
  format,
  parse,
  startOfWeek: (d: Date) => startOfWeek(d, { weekStartsOn: 1 }),
  getDay,
  locales: { ru, 'en-US': enUS },
});

export const cultureFor = (lang: string) => (lang === 'en' ? 'en-US' : 'ru');
