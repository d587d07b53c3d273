# Адрас вязня, па якім нікога няма (templates/prisoners/missing.html), issue 19.

prisoner-missing-text = Па гэтым адрасе нікога не апублікавана. Магчыма, адрас набраны з памылкай: пашукайце па імені ў любым пісьме ці напісанні.
prisoner-missing-did-you-mean = Магчыма, вы мелі на ўвазе:
prisoner-gone-title = Запіс выдалены
# $date: дзень, калі запіс выдалілі.
prisoner-gone-text = Запіс па гэтым адрасе быў выдалены { $date }.
