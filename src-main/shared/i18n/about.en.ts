import type { aboutRu } from './about.ru';

export const aboutEn: typeof aboutRu = {
  title: 'About',
  version: 'Version {{version}}, built on {{date}}',
  howToUpdate:
    'Kartoteka works offline and does not update itself. Security fixes come with a new version: ' +
    'get the new installer from your Kartoteka supplier and run it on the PC where the program is installed. ' +
    'The workspace, settings and backups are kept.',
  updateDue: 'This version is more than six months old and may lack security fixes made since. Install a new version.',
  updateBadge: 'Time to update the program',
};
