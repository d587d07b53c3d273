# Старонкі памылак (templates/error.html)

error-title-not_found = Старонка не знойдзеная
error-text-not_found = Па гэтым адрасе старонкі няма. Магчыма, адрас набраны з памылкай або запіс не апублікаваны.
error-title-unavailable = Часова недаступна
error-text-unavailable = Сайт зараз не можа звязацца з базай даных. Паспрабуйце яшчэ раз праз хвіліну.
error-title-bad_request = Няправільны запыт
error-text-bad_request = Запыт не ўдалося зразумець.
error-title-forbidden = Не дазволена
error-text-forbidden = Вашаму ўліковаму запісу гэта не дазволена, або форма была адпраўленая з іншага сайта ці састарэла. Вярніцеся, перазагрузіце форму і паспрабуйце яшчэ раз.
error-title-timeout = Запыт апрацоўваўся занадта доўга
error-text-timeout = Сервер адказваў занадта доўга. Паспрабуйце яшчэ раз.
error-title-too_large = Запыт занадта вялікі
error-text-too_large = Дасланае большае, чым сайт можа прыняць.
error-title-method_not_allowed = Метад не дазволены
error-text-method_not_allowed = Гэты адрас не прымае такі від запыту.
error-title-other = Нешта пайшло не так
error-text-other = Памылка запісаная ў журнал. Паспрабуйце пазней.
error-status = Памылка { $status }
error-home = На галоўную старонку

## Прычыны адмовы (ключы Message, якія выбірае Rust)

refusal-nul = Дасланы тэкст змяшчае сімвал NUL, які нельга захаваць і па якім нельга шукаць.
refusal-malformed = Параметр гэтага адраса або поле формы няправільнае, адсутнічае або пададзенае двойчы.
