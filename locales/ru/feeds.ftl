# Лента освобождений (templates/feeds/releases.atom)

feed-releases-heading = освобождения политзаключённых и волны освобождений
feed-releases-subtitle = Каждое задокументированное освобождение человека и каждая волна освобождений, сначала новые.
feed-rights = Лицензия CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.ru)
feed-wave-title = Волна освобождений: { $name }
feed-reported = сообщалось об освобождении
feed-person-released = { $name }: освобождение
feed-person-released-on = { $name }: освобождение ({ $date })
feed-in-wave = в волне освобождений «{ $wave }»
