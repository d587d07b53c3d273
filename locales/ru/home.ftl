# Главная страница (templates/home.html)

home-title = Политзаключённые и их освобождение
home-description = Задокументированный перечень политзаключённых: каждое событие их дела, волны, в которых их освобождают, и источник каждого факта.
home-search-label = Найти человека по любому написанию имени
search-button = Искать
home-browse = Все люди, с фильтрами
home-counts-heading = Задокументировано здесь
home-count-held = Сейчас под стражей
home-count-released = Освобождены
home-count-waves = Волны освобождений
home-count-people = Задокументировано людей
home-counts-note = Число людей, отдельно задокументированных на этом сайте. Правозащитные организации сообщают о больших цифрах; они приведены ниже с источниками.
# $as_of: "as of February 2025" (date-as-of-*).
home-counts-as-of = Данные { $as_of } — дата самого нового источника, на котором они основаны.
home-counts-undated = Ни у одного источника, на которых основаны эти данные, не указана дата публикации.
home-figures-heading = Сообщаемые цифры
home-figure-where = { $what } (страна: { $country })
home-figure-source = Источник
waves-none = Ни одна волна освобождений ещё не опубликована.
home-all-waves = Все волны освобождений
home-released-heading = Недавно освобождённые
home-released-none = Ни одно освобождение ещё не опубликовано.
# $sex: female, male or other (also for an unrecorded sex: neutral wording). $on: «в январе
# 2025», «летом 2024»; $date: the date on its own.
home-released-on = { $sex ->
    [female] освобождена { $on }
    [male] освобождён { $on }
   *[other] освобождение: { $date }
}
home-updated-heading = Недавно обновлённые
home-updated-none = Ни одна запись ещё не опубликована.
