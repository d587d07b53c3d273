# Паведамленні побач з палямі формаў і ў справаздачах імпарту: што не так і што напісаць.

## Даты і адрасы (src/domain)

date-error-empty = увядзіце дату, напрыклад 2024, 07.2024, 12.02.2025, люты 2025 або лета 2024
date-error-unrecognised = «{ $text }» — не дата: напішыце 2024, 07.2024, 12.02.2025, люты 2025 або лета 2024
date-error-year = год { $year } па-за межамі { $min }–{ $max }
date-error-month = няма месяца { $month }: месяцы нумаруюцца ад 01 да 12
date-error-day = { $month } { $year }: няма { $day }-га чысла
date-error-season = «{ $text }» — не пара года: ужывайце spring, summer, autumn або winter
date-error-no-year = «{ $text }» — без года: дапішыце год, напрыклад люты 2025 або 12.02.2025
date-error-not-normalised = захаваная дата { $date } не пачынае перыяд «{ $precision }»
slug-error = адрас складаецца з малых лацінскіх літар і лічбаў, словы злучаныя злучком, не больш за { $max } знакаў

## Памылкі палёў (src/web/admin)

error-choose = выберыце са спіса
error-too-long = не больш за { $max } знакаў
error-too-long-count = не больш за { $max } знакаў (тут { $count })
error-control-character = змяшчае нябачны кіравальны знак ({ $code }), часта ўстаўлены з тэкставага рэдактара: выдаліце яго і набярыце тэкст у гэтым месцы нанова
error-url = вэб-адрас, які пачынаецца з https:// або http://
error-country = код краіны, напрыклад BY
error-country-code = «{ $code }» — не код краіны: напішыце, напрыклад, BY
error-ends-before-start = канец ({ $ended }) не можа быць раней за пачатак ({ $started })
error-last-checked-day = цэлы дзень, напрыклад 2025-02-12: дзень, калі правяралі факты
error-last-checked-future = факты не маглі праверыць у дзень, які яшчэ не настаў
error-name-missing = напішыце імя або ачысціце радок
error-name-too-long = імя мае не больш за { $max } знакаў
error-language-code = мова пазначаецца кодам, напрыклад be, ru або en
error-script-code = пісьменства пазначаецца кодам, напрыклад Cyrl або Latn
error-name-kind = выберыце, што гэта за імя
error-name-primary-twice = адно асноўнае імя на мову: зрабіце гэтае імя іншага віду
error-name-twice = гэтае імя ўжо ёсць у спісе
error-person-no-name = у чалавека павінна быць хоць адно імя
error-slug-from-name = з гэтага імя нельга скласці адрас: напішыце яго, напрыклад ihar-losik
error-citizenship-code = «{ $code }» — не код краіны: пішыце коды, напрыклад BY, LT
error-publish-admins-only = публікуюць і здымаюць з публікацыі толькі адміністратары
error-publication = выберыце: чарнавік або апублікавана
error-person-slug-taken = гэты адрас ужо мае іншы чалавек: выберыце іншы
error-detention-country-missing = якая дзяржава ўтрымлівае чалавека? напішыце код, напрыклад BY
error-detention-overlap = гэты перыяд перакрываецца з іншым затрыманнем таго ж чалавека
error-sentence-length-kind = тэрмін патрабуе пакарання, якое адбываюць пэўны час
error-sentence-months = напішыце тэрмін як 3 гады, 2 гады 6 месяцаў або 18 месяцаў (лік без слова — месяцы), да 100 гадоў
error-wave-needs-mechanism = для вызвалення ў хвалі патрэбны спосаб вызвалення
error-charge-article = артыкул пішацца так: 342 або 361-1
error-charge-part = частка — гэта лік, і ёй патрэбны артыкул
error-charge-empty = пазначце артыкул або апішыце абвінавачанне
error-charge-description = апісанне мае не больш за { $max } знакаў
error-event-kind = выберыце, што адбылося
error-event-description = напішыце, што адбылося, як паведамляе крыніца
error-wave-name = хвалі патрэбна назва, напрыклад «Памілаванне 23 чалавек»
error-wave-country = код дзяржавы, якая вызваліла, напрыклад BY
error-wave-mechanism = выберыце, як іх вызвалілі
error-wave-reported = цэлы лік, як паведамляецца
error-wave-qualifier = удакладненню патрэбны лік, які яно ўдакладняе
error-wave-slug-from-name = з гэтай назвы нельга скласці адрас: напішыце яго
error-wave-slug-taken = гэты адрас ужо мае іншая хваля: выберыце іншы
error-release-day = Дзень вызвалення: { $problem }
error-release-none = Адзначце хоць аднаго чалавека ў спісе ніжэй або ўпішыце імя, адрас (ihar-losik) ці нумар, па адным у радку.
error-release-too-many = Не больш за { $max } чалавек за раз.
error-release-unknown = «{ $line }»: няма чалавека з такім адрасам або нумарам, і ні ў кога з утрымліваных няма падобнага імя.
error-release-not-held = «{ $line }»: у гэтага чалавека няма затрымання, якое яшчэ доўжыцца.
error-release-unsure = «{ $line }»: незразумела, хто маецца на ўвазе. Утрымліваныя з падобным імем — першыя ў спісе ніжэй; адзначце патрэбнага.
error-release-not-held-named = «{ $line }»: нікога з падобным імем цяпер не ўтрымліваюць.
error-publish-unsourced = Для гэтага запісу яшчэ не пазначана ніводнай крыніцы. Адзначце поле, каб апублікаваць яго ўсё роўна, або захавайце яго як чарнавік і спачатку дадайце крыніцу.
error-record-duplicate = запіс з такімі значэннямі ўжо ёсць
error-source-title = назва, як яе падае крыніца
error-source-slug = малыя лацінскія літары, лічбы і асобныя злучкі, напрыклад rferl-2025-02-12
error-source-kind = выберыце від крыніцы
error-source-slug-taken = гэты адрас ужо мае іншая крыніца; выберыце іншы
error-citation-source = адрас крыніцы, як на яе старонцы ў спісе крыніц
error-source-unknown = няма крыніцы з такім адрасам; спачатку дадайце яе ў крыніцы
error-recognition-organisation = арганізацыя, якая прызнала чалавека, напрыклад «Вясна»
error-facility-name = назва ўстановы, напрыклад «Папраўчая калонія № 15»
error-facility-kind = выберыце, што гэта за месца
error-facility-taken = у гэтай краіне ўжо ёсць установа з такой назвай
error-figure-metric = выберыце, што лічыць гэты лік
error-figure-qualifier = выберыце, наколькі дакладны лік
error-figure-value = цэлы лік, напрыклад 1150
error-figure-as-of = дата, на якую апублікаваны лік, напрыклад 2025-02-01
error-figure-taken = лік для гэтай краіны, паказчыка і даты ўжо ёсць

## Памылкі фота

photo-error-photo_missing = Выберыце фота для загрузкі.
photo-error-photo_empty = Файл пусты.
photo-error-photo_too_large = Файл большы за 10 МБ. Захавайце меншую копію і загрузіце яе.
photo-error-photo_format = Гэты файл — не выява JPEG, PNG або WebP, што б ні казала яго назва.
photo-error-photo_pixels = Выява занадта вялікая для апрацоўкі: не больш за 40 мегапікселяў і 16 000 пікселяў па баку. Захавайце меншую копію і загрузіце яе.
photo-error-photo_unreadable = Выява пашкоджаная або няпоўная, і яе нельга прачытаць.
photo-error-alt_missing = Апішыце, што на фота, для чытачоў, якія яго не бачаць.
photo-error-alt_too_long = Не больш за 1000 знакаў.
photo-error-credit_too_long = Не больш за 300 знакаў.
photo-error-control_character = Змяшчае нябачны кіравальны знак, часта ўстаўлены з тэкставага рэдактара: набярыце тэкст нанова.
photo-error-other = Праверце гэтае поле.

## Адмовы (старонкі 400) на запыты ў адміністраванні

refusal-form-version = у форме няма версіі, з якой яе адкрылі; перазагрузіце яе
refusal-restore-changed = запіс змяніўся падчас аднаўлення; паглядзіце гісторыю яшчэ раз
refusal-restore-overlap = гэтая версія перакрываецца з іншым затрыманнем чалавека; лепш адрэдагуйце яе
refusal-restore-invalid = гэтую версію нельга вярнуць як ёсць ({ $field }: { $problem })
refusal-review-stale = запіс змяніўся пасля гэтай змены або выдалены: адхіліце змену і папрасіце рэдактара ўнесці яе нанова
refusal-review-invalid = змену нельга захаваць як ёсць ({ $field }: { $problem }): адхіліце яе і папрасіце рэдактара ўнесці нанова
refusal-review-admin-only = пакуль змены рэдактараў правяраюцца, фотаздымак і пераклады апублікаванага запісу мяняе толькі адміністратар: звярніцеся да адміністратара
refusal-review-draft-wave = гэта вызваленне ў хвалі, якая яшчэ чарнавік: спачатку апублікуйце хвалю, потым ухваліце вызваленне
refusal-release-changed = затрыманне тым часам змянілася; нічога не захавана, паспрабуйце яшчэ раз
refusal-photo-multipart = форма фота дасылаецца як multipart/form-data
refusal-upload-cut = загрузка перарвалася або гэта не форма; паспрабуйце яшчэ раз
refusal-photo-too-large = Фота можа быць не больш за { $max } МБ.
refusal-photo-version = у форме няма фота, з якім яе паказалі; перазагрузіце яе

## Імпарт CSV: файл цалкам

import-file-empty = файл пусты: першы радок павінен называць слупкі
import-file-too-large = у файле { $size } КіБ; за раз прымаецца не больш за { $max } КіБ: падзяліце яго
import-file-too-many-rows = у файле больш за { $max } радкоў; імпартуйце яго часткамі
import-file-not-utf8 = радок { $line } — не тэкст UTF-8: захавайце файл як «CSV UTF-8» (праз коску) і паспрабуйце яшчэ раз
import-file-unknown-columns = невядомыя слупкі: { $names }. Першы радок павінен называць слупкі з гэтых: { $columns }
import-file-repeated-column = слупок «{ $name }» двойчы сустракаецца ў першым радку
import-file-malformed = радок { $row } — несапраўдны CSV; усё пасля яго не прачытана
import-file-workbook = кнігу немагчыма прачытаць ({ $problem }): захавайце яе зноў або як CSV UTF-8
import-file-no-such-sheet = у кнізе няма аркуша «{ $name }»; яе аркушы: { $sheets }
import-problem-no-file = Выберыце файл CSV або ўстаўце яго тэкст у поле.
import-problem-unread = Нічога не прачытана: { $problem }.

## Імпарт CSV: радок або ячэйка

import-error-cells = у гэтым радку ячэек: { $cells }, а першы радок называе слупкоў: { $header }
import-error-named = «{ $name }»: { $problem }
import-error-bracket-word = «{ $name }»: «{ $word }» у дужках — не мова (be), не пісьменства (Cyrl) і не від імя ({ $kinds })
import-error-bracket-twice = «{ $name }»: дужкі двойчы пазначаюць { $what }
import-bracket-kind = від
import-bracket-script = пісьменства
import-bracket-language = мову
import-error-name-not-in-all = «{ $name }» няма ў all_names: паказанае імя павінна быць адным з all_names
import-error-name-not-theirs = «{ $name }» — не адно з імёнаў гэтага чалавека: каб змяніць імёны, ужывайце слупок all_names
import-error-too-many-names = не больш за { $max } імёнаў на чалавека
import-error-name-twice = «{ $name }» пазначана двойчы
import-error-public-id = няма чалавека з такім public id: пакіньце поле пустым, каб дадаць новага
import-error-public-id-format = гэта не public id: скапіруйце яго з экспарту або пакіньце пустым, каб дадаць чалавека
import-error-url = гэта не адрас старонкі чалавека, напрыклад https://…/prisoners/ihar-losik
import-error-deleted = гэтага чалавека тым часам выдалілі
import-error-same-person = радок { $row } пра таго ж чалавека: адзін радок на чалавека
import-error-same-slug = у радку { $row } той жа адрас
import-error-unique = іншы запіс ужо мае адно з гэтых значэнняў ({ $constraint })
import-error-foreign-key = значэнне спасылаецца на тое, чаго няма ў базе ({ $constraint })
import-error-check = база не прымае значэнне ({ $constraint })
error-naming-basis-needed = чалавека публікуюць з імем толькі пры падставе для гэтага: выберыце яе або схавайце асобу
error-naming-consent-not-to-publish = гэтая згода не распаўсюджваецца на публікацыю на гэтым сайце: адзначце яе або пакіньце чарнавік
error-consent-incomplete = для згоды пазначце, хто яе даў і калі
