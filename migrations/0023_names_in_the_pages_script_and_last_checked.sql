-- Issue 19: the name a page shows is in the page's script, and never a Russian spelling on a
-- Belarusian page when a Belarusian or Latin one exists; and the day a person's facts were last
-- checked (at the end).
--
-- 0009 preferred any Cyrillic primary name on a Belarusian or Russian page, so a person with
-- only a Russian and a Latin name was shown in Russian on Belarusian pages. Now, after the
-- page's own language (its primary name, then a transliteration into it):
--   en (and any other): a Latin primary name, a Latin transliteration, then any primary name;
--   be: a Latin primary name, a Latin transliteration, a Cyrillic name not marked Russian,
--       then the Russian one;
--   ru: the Belarusian name, a Cyrillic name of no recorded language, then Latin.
-- Former names and aliases come last everywhere.
create or replace function person_display_name(pid bigint, want_lang text) returns text
language sql stable parallel safe as $$
    select n.name from person_names n
    where n.person_id = pid
    -- `is not distinct from`: a name of no recorded language must not sort first as a null.
    order by (n.kind = 'primary' and n.lang is not distinct from want_lang) desc,
             case
                 when want_lang = 'ru' then case
                     when n.kind = 'transliteration' and n.lang = 'ru' then 0
                     when n.kind = 'primary' and n.lang = 'be' then 1
                     when n.kind = 'primary' and n.script = 'Cyrl' and n.lang is null then 2
                     when n.kind = 'primary' and n.script = 'Latn' then 3
                     when n.kind = 'transliteration' and n.script = 'Latn' then 4
                     when n.kind = 'primary' then 5
                     else 9 end
                 when want_lang = 'be' then case
                     when n.kind = 'transliteration' and n.lang = 'be' then 0
                     when n.kind = 'primary' and n.script = 'Latn' then 1
                     when n.kind = 'transliteration' and n.script = 'Latn' then 2
                     when n.kind = 'primary' and n.script = 'Cyrl' and n.lang is distinct from 'ru' then 3
                     when n.kind = 'primary' then 4
                     else 9 end
                 else case
                     when n.kind = 'primary' and n.script = 'Latn' then 1
                     when n.kind = 'transliteration' and n.script = 'Latn' then 2
                     when n.kind = 'primary' then 3
                     else 9 end
             end,
             n.id
    limit 1
$$;

-- The stored sort names and the per-language sort keys (0022) come from the display names,
-- which may have changed.
select refresh_person_tokens(array(select id from people));

-- The day an editor last checked a person's facts against the sources: public, and kept apart
-- from `updated_at` (when the record was last edited), which is not a check.
alter table people add column last_checked date;
