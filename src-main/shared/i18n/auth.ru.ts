// Sign-in, sign-out, the idle lock, users' logins, roles and passwords.

export const authRu = {
  signIn: {
    title: 'Вход в Картотеку',
    login: 'Логин',
    password: 'Пароль',
    submit: 'Войти',
    working: 'Проверяем…',
    forgot: 'Забыли пароль? Попросите владельца или администратора задать новый в Настройках → Сотрудники.',
    lockedNotice: 'Экран заблокирован после {{minutes}} мин. бездействия. Войдите снова.',
    expired: 'Вход завершён. Войдите снова.',
  },
  signedInAs: 'Вы вошли как {{name}}',
  signOut: 'Выйти',
  roles: {
    owner: 'Владелец',
    admin: 'Администратор',
    manager: 'Менеджер',
    viewer: 'Наблюдатель',
  },
  login: 'Логин',
  role: 'Роль',
  hasPassword: 'Пароль задан',
  noPassword: 'Без пароля',
  lastLogin: 'Последний вход: {{when}}',
  neverSignedIn: 'Ещё не входил(а)',
  setPassword: 'Задать пароль',
  changePassword: 'Сменить пароль',
  resetPassword: 'Сбросить пароль',
  passwordFor: 'Пароль: {{name}}',
  oldPassword: 'Текущий пароль',
  newPassword: 'Новый пароль',
  repeatPassword: 'Повторите пароль',
  mismatch: 'Пароли не совпадают',
  passwordHint: 'Не короче 8 знаков. После смены пароля все входы сотрудника завершаются.',
  passwordSet: 'Пароль задан. Все входы сотрудника завершены.',
  ownPasswordSet: 'Пароль задан. Войдите с новым паролем.',
  session: 'Вход и блокировка',
  sessionIdleHours: 'Завершать вход после бездействия, часов',
  lockAfterMinutes: 'Блокировать экран после бездействия, минут',
  lockNever: 'пусто — не блокировать',
  saved: 'Сохранено',
  protectTitle: 'Защитить базу паролем?',
  protectBody:
    'Если за этим компьютером работаете не только вы или базу будут открывать с других компьютеров офиса, задайте логин и пароль владельца. Это можно сделать и позже: Настройки → Сотрудники.',
  protect: 'Задать пароль и войти',
  skip: 'Пропустить',
};

export const authErrorsRu = {
  required: 'Войдите, чтобы продолжить',
  invalid: 'Неверный логин или пароль',
  locked: 'Слишком много неудачных попыток. Вход с этим логином закрыт на {{minutes}} мин.',
};

export const usersErrorsRu = {
  login_chars: 'Логин — буквы, цифры и знаки . _ - @, без пробелов',
  login_taken: 'Логин «{{login}}» уже занят',
  login_needed: 'Сначала задайте сотруднику логин',
  password_short: 'Пароль — не короче 8 знаков',
  old_password_wrong: 'Текущий пароль указан неверно',
  last_owner: 'В базе должен остаться хотя бы один работающий владелец',
  owner_password_first: 'Сначала задайте пароль владельцу: иначе он сам не сможет войти',
};
