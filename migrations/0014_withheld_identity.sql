-- People counted but not named (issue 18, items 1 and 3). Families often refuse to have a
-- prisoner named, yet the totals must include them. A person is `named` or `withheld`; a
-- withheld person counts in every public number and never appears by name, address or detail.
-- A named person is published only on a recorded basis: the facts were already public in the
-- cited sources, or someone consented (who, when, for which purposes).

create type person_identity as enum ('named', 'withheld');
create type naming_basis as enum ('public_sources', 'consent');
create type consent_giver as enum ('person', 'family', 'lawyer');

-- Everyone published so far was published from cited sources (the site had no other way to
-- record a person), so that is their basis: added as the column's default, which fills the
-- existing rows without an update (no trigger moves their updated_at), then dropped.
alter table people
    add column identity person_identity not null default 'named',
    add column naming_basis naming_basis default 'public_sources',
    add column consent_by consent_giver,
    add column consent_on date,
    add column consent_precision date_precision,
    add column consent_publish boolean not null default false,
    add column consent_advocacy boolean not null default false,
    add column consent_un_bodies boolean not null default false;
alter table people alter column naming_basis drop default;
-- Drafts were never judged: they get no basis until someone records one.
update people set naming_basis = null where publication <> 'published';

alter table people
    add constraint people_consent_date check (partial_date_ok(consent_on, consent_precision)),
    -- Consent details belong to a consent, and a consent says who gave it and when.
    add constraint people_consent_details check (
        case when naming_basis = 'consent' then consent_by is not null and consent_on is not null
             else consent_by is null and consent_on is null
                  and not (consent_publish or consent_advocacy or consent_un_bodies) end),
    -- Nobody is published by name without a basis that allows publishing (a missing basis is
    -- no basis: `is not distinct from`, since a CHECK that comes out null passes).
    add constraint people_named_with_basis check (
        publication <> 'published' or identity = 'withheld'
        or naming_basis is not distinct from 'public_sources'
        or (naming_basis is not distinct from 'consent' and consent_publish));

-- The one definition of "shown by name": every public query that lists or shows people reads
-- `public`; queries that count people count `publication = 'published'`, withheld or not.
alter table people add column public boolean not null
    generated always as (publication = 'published' and identity = 'named') stored;

-- The indexes that lists and searches use now cover the people they may show.
drop index people_sort_name_idx, people_detained_on_idx, people_released_on_idx, people_document_idx;
create index people_sort_name_idx on people (sort_name, id) where public;
create index people_detained_on_idx on people (detained_on, id) where public;
create index people_released_on_idx on people (released_on, id) where public;
create index people_document_idx on people
    using gin (person_document(occupation, biography, region)) where public;

-- The name-token dictionary feeds searches and suggestions: a token is offered only for the
-- people shown by name, so a withheld person's names never come back in a suggestion.
alter table person_tokens rename column published to public;
alter index person_tokens_published_order_idx rename to person_tokens_public_order_idx;
update person_tokens pt set public = p.public from people p where p.id = pt.person_id and pt.public <> p.public;

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
    insert into person_tokens (token, person_id, sort_name, public)
        select distinct t.token, n.person_id, p.sort_name, p.public
        from person_names n
        join people p on p.id = n.person_id,
        unnest(string_to_array(n.search_key, ' ')) as t(token)
        where n.person_id = any(ids) and t.token <> '';
$$;

create or replace function people_publication_tokens() returns trigger
language plpgsql as $$
begin
    update person_tokens set public = new.public where person_id = new.id;
    return null;
end
$$;

drop trigger people_publication_tokens_after_update on people;
create trigger people_publication_tokens_after_update after update of publication, identity on people
    for each row when (old.publication is distinct from new.publication or old.identity is distinct from new.identity)
    execute function people_publication_tokens();

-- Withholding a published person's name takes something away from the public, like
-- unpublishing: no stale cached page may bring them back (see 0013).
create trigger people_notify_withheld after update of identity on people
    for each row when (old.identity = 'named' and new.identity <> 'named' and new.publication = 'published')
    execute function notify_data_withdrawn();
