# Адрес заключённого, по которому никого нет (templates/prisoners/missing.html), issue 19.

prisoner-missing-text = По этому адресу никто не опубликован. Возможно, адрес набран с ошибкой: поищите по имени в любом алфавите или написании.
prisoner-missing-did-you-mean = Возможно, вы имели в виду:
prisoner-gone-title = Запись удалена
# $date: день, когда запись удалили.
prisoner-gone-text = Запись по этому адресу была удалена { $date }.
