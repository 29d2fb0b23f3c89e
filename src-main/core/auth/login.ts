import { z } from 'zod';
import { foldText } from '../text/fold';

// A login is what a person types to sign in: letters (Cyrillic too), digits and . _ - @.
// Compared folded (case and ё), so «Иванов», «иванов» and «ИВАНОВ» are one login.

export const loginRule = z
  .string()
  .trim()
  .min(1, 'required')
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'users.login_chars');

/** The form a login is stored and compared in (users.login_key, sign_in_failures.login_key). */
export const loginKey = (login: string): string => foldText(login.trim());

/** A new password: long enough to resist guessing at the lockout's pace, not a novel. */
export const passwordRule = z.string().min(8, 'users.password_short').max(200);
