-- Issue 19: what a person's status is "as of", for lists of people (the prisoner page computes
-- the same from the profile it reads): the newest publication date among the sources cited for
-- the person, their detentions and their events, as canonical partial-date text; null when
-- none of them is dated. Each branch is answered by the partial indexes on citations.
create function person_status_as_of(pid bigint) returns text
language sql stable parallel safe as $$
    select partial_date_iso(s.published_on, s.published_precision)
    from sources s
    where s.published_on is not null
      and s.id in (
          select c.source_id from citations c where c.person_id = pid
          union all
          select c.source_id from citations c join detentions d on d.id = c.detention_id where d.person_id = pid
          union all
          select c.source_id from citations c join events e on e.id = c.event_id where e.person_id = pid)
    order by s.published_on desc, s.published_precision desc
    limit 1
$$;
