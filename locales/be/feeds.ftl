# Стужка вызваленняў (templates/feeds/releases.atom)

feed-releases-heading = вызваленні палітвязняў і хвалі вызваленняў
feed-releases-subtitle = Кожнае задакументаванае вызваленне чалавека і кожная хваля вызваленняў, спачатку найноўшыя.
feed-rights = Ліцэнзія CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.be)
feed-wave-title = Хваля вызваленняў: { $name }
feed-reported = паведамлялася пра вызваленне
feed-person-released = { $name }: вызваленне
feed-person-released-on = { $name }: вызваленне ({ $date })
feed-in-wave = у хвалі вызваленняў «{ $wave }»
