# Release waves (templates/waves/)

waves-description = Every documented release of political prisoners: pardons, handovers to foreign governments and exchanges between states, with the number reported released and the people documented.
waves-intro = States release political prisoners in waves: pardons of several dozen at a time, handovers to a foreign government as part of a deal, exchanges between states. For each wave, the number reported released stands beside the number of people documented on this site.
wave-synthetic = Synthetic record generated for testing. This wave did not happen.
wave-approximate = approximate
wave-country = Country
wave-where = Where
wave-counterparty = Counterparty
wave-traded = Reportedly in return for
wave-people-heading = People released in this wave
wave-people-none = No one released in this wave is documented individually yet.
# When the record was last edited here: not a date its facts were checked.
last-updated = Record last edited
wave-documented-not-named = { $plural ->
    [one] { $n } person documented, { $withheld } of them not named to protect them and their family.
   *[other] { $n } people documented, { $withheld } of them not named to protect them and their families.
}
wave-aggregate-heading = A total over a period
wave-aggregate-note = { $plural ->
    [one] This figure covers a whole period and includes { $n } other wave dated within it, whose people it counts again:
   *[other] This figure covers a whole period and includes { $n } other waves dated within it, whose people it counts again:
}
