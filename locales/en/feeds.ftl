# The feed of releases (templates/feeds/releases.atom)

feed-releases-heading = releases of political prisoners and release waves
feed-releases-subtitle = Each documented release of a person, and each release wave, newest first.
feed-rights = Licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)
feed-wave-title = Release wave: { $name }
feed-reported = reported released
feed-person-released = { $name } released
feed-person-released-on = { $name } released ({ $date })
feed-in-wave = in the release wave “{ $wave }”
