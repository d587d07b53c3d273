-- Issue 19: "Name" order on /prisoners sorts by surname in the page's script. Each person gets
-- a sort key per page language (`sort_en`, `sort_be`, `sort_ru`): the name they go by on that
-- page (`person_display_name`), surname first, in a collation of the language (ICU's `be` and
-- `ru` put Cyrillic in alphabet order, і after з, ў after у, ё beside е, and Latin names after
-- Cyrillic ones). The keys are kept by the same statement triggers as `sort_name` and the
-- tokens, whenever names change.

-- ICU collations where the server has ICU; byte order otherwise (Cyrillic then still sorts
-- after Latin and nearly in alphabet order), so that the migration runs on any PostgreSQL.
do $$
begin
    create collation pt_names_en (provider = icu, locale = 'en');
    create collation pt_names_be (provider = icu, locale = 'be');
    create collation pt_names_ru (provider = icu, locale = 'ru');
exception when others then
    create collation pt_names_en from "C";
    create collation pt_names_be from "C";
    create collation pt_names_ru from "C";
end
$$;

-- A name surname first, lower case: "Ihar Losik" → "losik ihar". Names are written given
-- name first, except the Russian and Belarusian official form "Лосик Игорь Викторович", which
-- ends in a patronymic; "Андрей Сергеевич Карпович" (a patronymic before the last word) is
-- given name first again.
create function name_sort_key(name text) returns text
language sql immutable parallel safe as $$
    select case
        when n < 2 then coalesce(w[1], '')
        when n >= 3 and w[n - 1] !~ '(vich|vič|vna|ichna|ična|вич|вна|ична|ічна)$'
                    and w[n] ~ '(vich|vič|vna|ichna|ična|вич|вна|ична|ічна)$'
            then array_to_string(w, ' ')
        else w[n] || ' ' || array_to_string(w[1:n - 1], ' ')
    end
    from (select w, cardinality(w) as n
          from (select regexp_split_to_array(lower(btrim(name)), '\s+') as w) s) t
$$;

alter table people
    add column sort_en text collate pt_names_en not null default '',
    add column sort_be text collate pt_names_be not null default '',
    add column sort_ru text collate pt_names_ru not null default '';

-- The list without words reads a page of people in name order from these (`db::search`).
create index people_sort_en_idx on people (sort_en, id) where public;
create index people_sort_be_idx on people (sort_be, id) where public;
create index people_sort_ru_idx on people (sort_ru, id) where public;

-- As in 0014, with the three keys kept beside `sort_name`.
create or replace function refresh_person_tokens(ids bigint[]) returns void
language sql as $$
    update people p set sort_name = s.sort_name, sort_en = s.sort_en, sort_be = s.sort_be, sort_ru = s.sort_ru
    from (
        select x.id, lower(coalesce(person_display_name(x.id, 'en'), '')) as sort_name,
               name_sort_key(coalesce(person_display_name(x.id, 'en'), '')) as sort_en,
               name_sort_key(coalesce(person_display_name(x.id, 'be'), '')) as sort_be,
               name_sort_key(coalesce(person_display_name(x.id, 'ru'), '')) as sort_ru
        from unnest(ids) as x(id)
    ) s
    where p.id = s.id
      and (p.sort_name, p.sort_en, p.sort_be, p.sort_ru)
          is distinct from (s.sort_name, s.sort_en, s.sort_be, s.sort_ru);
    delete from person_tokens where person_id = any(ids);
    insert into name_tokens (token)
        select distinct t.token
        from person_names n, unnest(string_to_array(n.search_key, ' ')) as t(token)
        where n.person_id = any(ids) and t.token <> ''
    on conflict do nothing;
    insert into person_tokens (token, person_id, sort_name, public)
        select distinct t.token, n.person_id, p.sort_name, p.public
        from person_names n
        join people p on p.id = n.person_id,
        unnest(string_to_array(n.search_key, ' ')) as t(token)
        where n.person_id = any(ids) and t.token <> '';
$$;

update people set
    sort_en = name_sort_key(coalesce(person_display_name(id, 'en'), '')),
    sort_be = name_sort_key(coalesce(person_display_name(id, 'be'), '')),
    sort_ru = name_sort_key(coalesce(person_display_name(id, 'ru'), ''));
