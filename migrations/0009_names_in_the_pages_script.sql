-- The name a person goes by on a page in `want_lang` (issue 9): their primary name in that
-- language; else a primary name in that language's script (a Russian spelling on a
-- Belarusian page rather than a Latin one, and the other way round), else the Latin one,
-- else any primary name. English pages ('en') choose as before.
create or replace function person_display_name(pid bigint, want_lang text) returns text
language sql stable parallel safe as $$
    select n.name from person_names n
    where n.person_id = pid
    order by (n.kind = 'primary' and n.lang = want_lang) desc,
             (n.kind = 'primary' and n.script = case when want_lang in ('be', 'ru', 'uk') then 'Cyrl' else 'Latn' end) desc,
             (n.kind = 'primary' and n.script = 'Latn') desc,
             (n.kind = 'primary') desc,
             n.id
    limit 1
$$;
