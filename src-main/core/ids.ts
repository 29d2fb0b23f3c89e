import { v7 } from 'uuid';

/** Stable, globally unique, time-sortable id for every business record. */
export const newId = (): string => v7();
