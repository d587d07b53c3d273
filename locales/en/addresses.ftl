# A prisoner address that shows no one (templates/prisoners/missing.html), issue 19.

prisoner-missing-text = No one is published at this address. It may have been mistyped: search by name, in any script or spelling.
prisoner-missing-did-you-mean = Did you mean:
prisoner-gone-title = Record removed
# $date: the day the record was deleted, in the page's words.
prisoner-gone-text = The record at this address was removed on { $date }.
