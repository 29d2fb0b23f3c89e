// Small line icons drawn inline: emoji glyphs are missing from the fonts of many
// office PCs (and of Linux Chromium), where they show as empty boxes.

const base = { width: 14, height: 14, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

export const PhoneIcon = () => (
  <svg {...base}>
    <path d="M3.5 2h2.2l1.1 3-1.5 1a8 8 0 0 0 3.7 3.7l1-1.5 3 1.1v2.2a1.5 1.5 0 0 1-1.6 1.5A11.5 11.5 0 0 1 2 3.6 1.5 1.5 0 0 1 3.5 2z" />
  </svg>
);

export const TaskIcon = () => (
  <svg {...base}>
    <rect x="2.5" y="2.5" width="11" height="11" rx="2" />
    <path d="M5.5 8l1.8 1.8L10.8 6" />
  </svg>
);

export const NoteIcon = () => (
  <svg {...base}>
    <path d="M10.5 2.5l3 3-7.5 7.5H3v-3z" />
  </svg>
);
