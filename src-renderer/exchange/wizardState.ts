import type { FileInfo, ImportResult, JobStatus, Mapping, MatchKey, Policy, Preview } from './types';

// The import wizard as one step machine: each step's state carries exactly the data
// that step has, so a screen cannot show a step whose data is missing (no `!`), and
// every transition is a pure function (unit-tested in tests/unit/import-wizard-state.test.ts).

export const STEPS = ['file', 'header', 'mapping', 'check', 'duplicates', 'result'] as const;
export type Step = (typeof STEPS)[number];

/** How duplicates are treated: the user's choices, kept for the next import too. */
export interface Choices {
  policy: Policy;
  matchOrder: MatchKey[];
  /** Deals: the managers the file names who are not users yet are created unless unticked. */
  createUsers: boolean;
}

/** A file read: what every step after the first knows. */
export interface Loaded {
  entity: string;
  fileId: string;
  info: FileInfo;
  sheet: number;
  preview: Preview;
  mapping: Mapping;
}

interface Common {
  choices: Choices;
}

export type WizardState =
  | (Common & { step: 'file'; entity: string })
  | (Common & Loaded & { step: 'header' })
  | (Common & Loaded & { step: 'mapping' })
  /** status: null until the first answer of the background check. */
  | (Common & Loaded & { step: 'check'; jobId: string; status: JobStatus | null })
  /** dry: null while the dry run of the current choices is on its way. */
  | (Common & Loaded & { step: 'duplicates'; jobId: string; status: JobStatus; dry: ImportResult | null })
  | (Common & { step: 'result'; entity: string; info: FileInfo; result: ImportResult });

export type WizardAction =
  | { type: 'entity'; entity: string }
  | { type: 'loaded'; fileId: string; info: FileInfo; preview: Preview }
  | { type: 'previewed'; sheet: number; preview: Preview }
  | { type: 'toMapping' }
  | { type: 'mapping'; mapping: Mapping }
  | { type: 'presets'; presets: Preview['presets'] }
  | { type: 'checkStarted'; jobId: string }
  | { type: 'status'; status: JobStatus }
  | { type: 'checkFailed' }
  | { type: 'toDuplicates' }
  | { type: 'choices'; choices: Partial<Choices> }
  | { type: 'dry'; dry: ImportResult | null }
  | { type: 'applied'; result: ImportResult }
  | { type: 'back' }
  | { type: 'reset' };

export const DEFAULT_CHOICES: Choices = { policy: 'update_empty', matchOrder: ['inn', 'phone', 'email'], createUsers: true };

export function initialWizard(entity = 'clients', choices: Choices = DEFAULT_CHOICES): WizardState {
  return { step: 'file', entity, choices };
}

function loadedOf(s: Loaded): Loaded {
  return { entity: s.entity, fileId: s.fileId, info: s.info, sheet: s.sheet, preview: s.preview, mapping: s.mapping };
}

/** The check found rows to import: the only state in which «Далее» leads to duplicates. */
export function checkPassed(s: WizardState): s is Extract<WizardState, { step: 'check' }> & { status: JobStatus } {
  return s.step === 'check' && s.status?.state === 'done' && (s.status.summary?.accepted ?? 0) > 0;
}

/** Managers named in a deals file who are not users yet. */
export function newUsersOf(s: WizardState): string[] {
  return (s.step === 'check' || s.step === 'duplicates' ? s.status?.summary?.newUsers : undefined) ?? [];
}

/**
 * The next state; an action that does not belong to the current step (a late answer
 * from the core after the user went back, say) leaves the state as it is.
 */
export function wizardReducer(s: WizardState, a: WizardAction): WizardState {
  const { choices } = s;
  switch (a.type) {
    case 'entity':
      return s.step === 'file' ? { ...s, entity: a.entity } : s;
    case 'loaded':
      return s.step === 'file'
        ? { step: 'header', choices, entity: s.entity, fileId: a.fileId, info: a.info, sheet: 0, preview: a.preview, mapping: a.preview.mapping }
        : s;
    case 'previewed':
      return s.step === 'header' ? { ...s, sheet: a.sheet, preview: a.preview, mapping: a.preview.mapping } : s;
    case 'toMapping':
      return s.step === 'header' && s.preview.headerRow ? { ...s, step: 'mapping' } : s;
    case 'mapping':
      return s.step === 'mapping' ? { ...s, mapping: a.mapping } : s;
    case 'presets':
      return s.step === 'mapping' ? { ...s, preview: { ...s.preview, presets: a.presets } } : s;
    case 'checkStarted':
      return s.step === 'mapping' ? { ...loadedOf(s), step: 'check', choices, jobId: a.jobId, status: null } : s;
    case 'status':
      return s.step === 'check' ? { ...s, status: a.status } : s;
    case 'checkFailed':
      return s.step === 'check' ? { ...loadedOf(s), step: 'mapping', choices } : s;
    case 'toDuplicates':
      return checkPassed(s) ? { ...loadedOf(s), step: 'duplicates', choices, jobId: s.jobId, status: s.status, dry: null } : s;
    case 'choices':
      return s.step === 'duplicates' ? { ...s, choices: { ...choices, ...a.choices }, dry: null } : s;
    case 'dry':
      return s.step === 'duplicates' ? { ...s, dry: a.dry } : s;
    case 'applied':
      return s.step === 'duplicates' ? { step: 'result', choices, entity: s.entity, info: s.info, result: a.result } : s;
    case 'back':
      switch (s.step) {
        case 'header':
          return initialWizard(s.entity, choices);
        case 'mapping':
          return { ...loadedOf(s), step: 'header', choices };
        case 'check':
          return { ...loadedOf(s), step: 'mapping', choices };
        case 'duplicates':
          return { ...loadedOf(s), step: 'check', choices, jobId: s.jobId, status: s.status };
        default:
          return s;
      }
    case 'reset':
      return initialWizard(s.entity, choices);
  }
}
