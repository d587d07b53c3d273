# The feed of releases (templates/feeds/releases.atom)

feed-releases-heading = releases of political prisoners and release waves
feed-releases-subtitle = Each documented release of a person, and each release wave, newest first.
feed-rights = Licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)
feed-wave-title = Release wave: { $name }
feed-reported = reported released
feed-person-released = { $name } released
feed-person-released-on = { $name } released ({ $date })
feed-in-wave = in the release wave “{ $wave }”

## A person's feed (templates/feeds/person.atom)

feed-person-title = changes to the record of { $name }
feed-change-none = Saved without changes.
feed-change-fields = Fields: { $fields }.
# An entry: what happened ($action: create, restore, delete, other) to which part of the record.
feed-change-person = { $action ->
    [create] Record added
    [restore] Record restored to an earlier version
    [delete] Record removed
   *[other] Record changed
}
feed-change-detention = { $action ->
    [create] Detention added
    [restore] Detention restored to an earlier version
    [delete] Detention removed
   *[other] Detention changed
}
feed-change-event = { $action ->
    [create] Event added
    [restore] Event restored to an earlier version
    [delete] Event removed
   *[other] Event changed
}
feed-change-recognition = { $action ->
    [create] Recognition added
    [restore] Recognition restored to an earlier version
    [delete] Recognition removed
   *[other] Recognition changed
}
feed-change-citation = { $action ->
    [create] Source added
    [restore] Source restored to an earlier version
    [delete] Source removed
   *[other] Source changed
}
feed-change-photo = { $action ->
    [create] Photo added
    [restore] Photo restored to an earlier version
    [delete] Photo removed
   *[other] Photo changed
}

## A search's feed (templates/feeds/search.atom)

feed-search-everyone = people
feed-search-matching = people matching “{ $q }”
feed-search-filtered = (filtered)
