import type { authRu, authErrorsRu, usersErrorsRu } from './auth.ru';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

export const authEn: Texts<typeof authRu> = {
  signIn: {
    title: 'Sign in to Kartoteka',
    login: 'Login',
    password: 'Password',
    submit: 'Sign in',
    working: 'Checking…',
    forgot: 'Forgot your password? Ask the owner or an admin to set a new one in Settings → Users.',
    lockedNotice: 'The screen was locked after {{minutes}} idle minutes. Sign in again.',
    expired: 'You were signed out. Sign in again.',
  },
  signedInAs: 'Signed in as {{name}}',
  signOut: 'Sign out',
  roles: {
    owner: 'Owner',
    admin: 'Admin',
    manager: 'Manager',
    viewer: 'Viewer',
  },
  login: 'Login',
  role: 'Role',
  hasPassword: 'Password set',
  noPassword: 'No password',
  lastLogin: 'Last sign-in: {{when}}',
  neverSignedIn: 'Never signed in',
  setPassword: 'Set password',
  changePassword: 'Change password',
  resetPassword: 'Reset password',
  passwordFor: 'Password: {{name}}',
  oldPassword: 'Current password',
  newPassword: 'New password',
  repeatPassword: 'Repeat the password',
  mismatch: 'The passwords differ',
  passwordHint: 'At least 8 characters. Changing the password signs the user out everywhere.',
  passwordSet: 'Password set. The user was signed out everywhere.',
  ownPasswordSet: 'Password set. Sign in with the new password.',
  session: 'Sign-in and lock',
  sessionIdleHours: 'End a sign-in after idle hours',
  lockAfterMinutes: 'Lock the screen after idle minutes',
  lockNever: 'empty: never lock',
  saved: 'Saved',
  protectTitle: 'Protect the workspace with a password?',
  protectBody:
    'If others use this PC too, or other office PCs will open this workspace, set the owner’s login and password. You can also do it later: Settings → Users.',
  protect: 'Set the password and sign in',
  skip: 'Skip',
};

export const authErrorsEn: Texts<typeof authErrorsRu> = {
  required: 'Sign in to continue',
  invalid: 'Wrong login or password',
  locked: 'Too many failed attempts. Sign-in with this login is closed for {{minutes}} min.',
};

export const usersErrorsEn: Texts<typeof usersErrorsRu> = {
  login_chars: 'A login is letters, digits and . _ - @, without spaces',
  login_taken: 'The login “{{login}}” is taken',
  login_needed: 'Give the user a login first',
  password_short: 'A password has at least 8 characters',
  old_password_wrong: 'The current password is wrong',
  last_owner: 'The workspace needs at least one active owner',
  owner_password_first: 'Set an owner’s password first, or the owner could not sign in',
};
