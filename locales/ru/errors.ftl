# Страницы ошибок (templates/error.html)

error-title-not_found = Страница не найдена
error-text-not_found = По этому адресу страницы нет. Возможно, адрес набран с ошибкой или запись не опубликована.
error-title-unavailable = Временно недоступно
error-text-unavailable = Сайт сейчас не может связаться с базой данных. Попробуйте ещё раз через минуту.
error-title-bad_request = Неверный запрос
error-text-bad_request = Запрос не удалось понять.
error-title-forbidden = Не разрешено
error-text-forbidden = Вашей учётной записи это не разрешено, или форма была отправлена с другого сайта либо устарела. Вернитесь, перезагрузите форму и попробуйте ещё раз.
error-title-timeout = Запрос обрабатывался слишком долго
error-text-timeout = Сервер отвечал слишком долго. Попробуйте ещё раз.
error-title-too_large = Запрос слишком большой
error-text-too_large = Отправленное больше, чем сайт может принять.
error-title-method_not_allowed = Метод не разрешён
error-text-method_not_allowed = Этот адрес не принимает такой вид запроса.
error-title-other = Что-то пошло не так
error-text-other = Ошибка записана в журнал. Попробуйте позже.
error-status = Ошибка { $status }
error-home = На главную страницу

## Причины отказа (ключи Message, которые выбирает Rust)

refusal-nul = Отправленный текст содержит символ NUL, который нельзя сохранить и по которому нельзя искать.
refusal-malformed = Параметр этого адреса или поле формы неверно, отсутствует или указано дважды.
