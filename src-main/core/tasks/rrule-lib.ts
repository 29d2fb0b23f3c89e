import * as rruleModule from 'rrule';

// rrule ships a UMD build as "main": Node's ESM loader sees only its default export,
// bundlers see the named ones. One place takes whichever is there.
const lib = (rruleModule as unknown as { default?: typeof rruleModule }).default ?? rruleModule;
export const { RRule, rrulestr } = lib;
