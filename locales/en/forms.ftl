# Messages beside form fields and in import reports: what is wrong and what to type.

## Dates and addresses (src/domain)

date-error-empty = enter a date such as 2024, 2024-07, 2024-07-03 or summer 2024
date-error-unrecognised = “{ $text }” is not a date: write 2024, 2024-07, 2024-07-03 or summer 2024
date-error-year = the year { $year } is outside { $min }–{ $max }
date-error-month = there is no month { $month }: months run from 01 to 12
date-error-day = { $month } { $year } has no day { $day }
date-error-season = “{ $text }” is not a season: use spring, summer, autumn or winter
date-error-not-normalised = the stored date { $date } does not start a { $precision } period
slug-error = an address is lower-case letters and digits in words joined by hyphens, at most { $max } characters
