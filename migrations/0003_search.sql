-- Search: name tokens folded by the application (src/search/key.rs), a dictionary of distinct
-- tokens for trigram matching, full text over what people are and are charged with, and
-- per-person columns that lists sort and filter by.

-- The folded key of each name, computed by the application's one normalisation function.
alter table person_names add column search_key text not null default '';
alter table person_names alter column search_key drop default;

-- Every distinct token of every name. Fuzzy matching runs over this small dictionary, never
-- over every row: a hundred thousand people share a few thousand tokens.
-- (Derived tables: no timestamps, they are rebuilt from person_names.)
create table name_tokens (
    token text primary key
);
create index name_tokens_trgm_idx on name_tokens using gin (token gin_trgm_ops);

-- `sort_name` is the person's, copied here so that the people with a token can be read in name
-- order straight from an index, and a page of a very common surname never sorts them all.
create table person_tokens (
    token text not null,
    person_id bigint not null references people on delete cascade,
    sort_name text not null,
    primary key (token, person_id)
);
create index person_tokens_person_idx on person_tokens (person_id);
create index person_tokens_token_order_idx on person_tokens (token, sort_name, person_id);

-- Columns lists sort and filter by, derived like the status.
alter table people add column sort_name text not null default '';
alter table people add column detained_on date;
alter table people add column released_on date;
create index people_sort_name_idx on people (sort_name, id) where publication = 'published';
create index people_detained_on_idx on people (detained_on, id) where publication = 'published';
create index people_released_on_idx on people (released_on, id) where publication = 'published';

create function refresh_person_tokens(ids bigint[]) returns void
language sql as $$
    update people p set sort_name = s.sort_name
    from (
        select x.id, lower(coalesce(person_display_name(x.id, 'en'), '')) as sort_name
        from unnest(ids) as x(id)
    ) s
    where p.id = s.id and p.sort_name is distinct from s.sort_name;
    delete from person_tokens where person_id = any(ids);
    insert into name_tokens (token)
        select distinct t.token
        from person_names n, unnest(string_to_array(n.search_key, ' ')) as t(token)
        where n.person_id = any(ids) and t.token <> ''
    on conflict do nothing;
    insert into person_tokens (token, person_id, sort_name)
        select distinct t.token, n.person_id, p.sort_name
        from person_names n
        join people p on p.id = n.person_id,
        unnest(string_to_array(n.search_key, ' ')) as t(token)
        where n.person_id = any(ids) and t.token <> '';
$$;

create function person_names_refresh_tokens() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform refresh_person_tokens(array(select distinct person_id from new_rows));
    elsif tg_op = 'DELETE' then
        perform refresh_person_tokens(array(select distinct person_id from old_rows));
    else
        perform refresh_person_tokens(array(
            select person_id from new_rows union select person_id from old_rows));
    end if;
    return null;
end
$$;

create trigger person_names_tokens_after_insert after insert on person_names
    referencing new table as new_rows
    for each statement execute function person_names_refresh_tokens();
create trigger person_names_tokens_after_update after update on person_names
    referencing old table as old_rows new table as new_rows
    for each statement execute function person_names_refresh_tokens();
create trigger person_names_tokens_after_delete after delete on person_names
    referencing old table as old_rows
    for each statement execute function person_names_refresh_tokens();

-- The status refresh now also keeps the dates lists sort by: the start of the latest
-- detention and the end of the latest release.
create or replace function refresh_person_status(ids bigint[]) returns void
language sql as $$
    update people p
    set status = s.status, status_since = s.since_on, status_since_precision = s.since_precision,
        detained_on = s.detained_on, released_on = s.released_on
    from (
        select x.id, d.status, d.since_on, d.since_precision,
               (select max(dt.started_on) from detentions dt where dt.person_id = x.id) as detained_on,
               (select max(dt.ended_on) from detentions dt
                 where dt.person_id = x.id and dt.release_mechanism is not null
                   and dt.release_mechanism <> 'death_in_custody') as released_on
        from unnest(ids) as x(id) cross join lateral derive_person_status(x.id) d
    ) s
    where p.id = s.id
      and (p.status, p.status_since, p.status_since_precision, p.detained_on, p.released_on)
          is distinct from (s.status, s.since_on, s.since_precision, s.detained_on, s.released_on)
$$;

-- Existing rows (none on a new database) get their derived columns.
select refresh_person_status(array(select id from people));
select refresh_person_tokens(array(select id from people));

-- Full text over what a person is and what they are charged with. Language-neutral ('simple'):
-- the records mix Belarusian, Russian and English.
create function person_document(occupation text, biography text, region text) returns tsvector
language sql immutable parallel safe as $$
    select to_tsvector('simple', coalesce(occupation, '') || ' ' || coalesce(biography, '') || ' ' || coalesce(region, ''))
$$;
create index people_document_idx on people
    using gin (person_document(occupation, biography, region)) where publication = 'published';

create function charge_document(article text, description text) returns tsvector
language sql immutable parallel safe as $$
    select to_tsvector('simple', coalesce(article, '') || ' ' || coalesce(description, ''))
$$;
create index detention_charges_document_idx on detention_charges
    using gin (charge_document(article, description));

create index person_citizenships_country_person_idx on person_citizenships (country, person_id);
create index detentions_country_idx on detentions (country, person_id);
create index detentions_mechanism_idx on detentions (release_mechanism, person_id) where release_mechanism is not null;
