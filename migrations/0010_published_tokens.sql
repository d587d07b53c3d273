-- Search reads the people with a name token straight from an index, in name order. Whether a
-- person is published was checked against `people` row by row (a heap visit per candidate,
-- thousands for a common surname); it is now copied into person_tokens and kept in step, so
-- that a name search without filters never leaves the index.

alter table person_tokens add column published boolean not null default false;
update person_tokens pt set published = true
from people p where p.id = pt.person_id and p.publication = 'published';

create index person_tokens_published_order_idx on person_tokens (token, sort_name, person_id)
    where published;

create or replace function refresh_person_tokens(ids bigint[]) returns void
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
    insert into person_tokens (token, person_id, sort_name, published)
        select distinct t.token, n.person_id, p.sort_name, p.publication = 'published'
        from person_names n
        join people p on p.id = n.person_id,
        unnest(string_to_array(n.search_key, ' ')) as t(token)
        where n.person_id = any(ids) and t.token <> '';
$$;

-- Publishing or unpublishing a person moves their tokens with them. A row trigger with a
-- condition: the many updates of people that change no publication (status, sort name, in
-- bulk) fire nothing, where a statement trigger would join its transition tables.
create function people_publication_tokens() returns trigger
language plpgsql as $$
begin
    update person_tokens set published = new.publication = 'published' where person_id = new.id;
    return null;
end
$$;

create trigger people_publication_tokens_after_update after update of publication on people
    for each row when (old.publication is distinct from new.publication)
    execute function people_publication_tokens();
