# Галоўная старонка (templates/home.html)

home-title = Палітвязні і іх вызваленне
home-description = Задакументаваны пералік палітвязняў: кожная падзея іх справы, хвалі, у якіх іх вызваляюць, і крыніца кожнага факта.
home-search-label = Знайсці чалавека па любым напісанні імя
search-button = Шукаць
home-browse = Усе людзі, з фільтрамі
home-counts-heading = Задакументавана тут
home-count-held = Цяпер пад вартай
home-count-released = Вызваленыя
home-count-waves = Хвалі вызваленняў
home-count-people = Задакументаваныя людзі
home-counts-note = Колькасць людзей, асобна задакументаваных на гэтым сайце. Праваабарончыя арганізацыі паведамляюць пра большыя лічбы; яны пададзеныя ніжэй з крыніцамі.
# $as_of: "as of February 2025" (date-as-of-*).
home-counts-as-of = Звесткі { $as_of } — дата найноўшай крыніцы, на якой яны грунтуюцца.
home-counts-undated = Ні ў адной крыніцы, на якіх грунтуюцца гэтыя звесткі, не пазначана дата публікацыі.
home-figures-heading = Лічбы, пра якія паведамляецца
home-figure-where = { $what } (краіна: { $country })
home-figure-source = Крыніца
waves-none = Ніводная хваля вызваленняў яшчэ не апублікаваная.
home-all-waves = Усе хвалі вызваленняў
home-released-heading = Нядаўна вызваленыя
home-released-none = Ніводнае вызваленне яшчэ не апублікаванае.
# $sex: female, male or other (also for an unrecorded sex: neutral wording). $on_v: «ў студзені
# 2025» (after a vowel), «летам 2024»; $date: the date on its own.
home-released-on = { $sex ->
    [female] вызваленая { $on_v }
    [male] вызвалены { $on_v }
   *[other] вызваленне: { $date }
}
home-updated-heading = Нядаўна абноўленыя
home-updated-none = Ніводны запіс яшчэ не апублікаваны.
