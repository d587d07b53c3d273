-- What the public may see of a person's change history: only what happened while they were
-- published (their time as a draft is the editors' business), numbered from 1 for that person,
-- so that the numbers say nothing about edits anywhere else. The person page's change log and
-- the person's Atom feed both read it.
create function person_public_revisions(pid bigint)
returns table (number bigint, id bigint, at timestamptz, record_type text, action text, changed text[])
language sql stable parallel safe as $$
    select row_number() over (order by r.at, r.id), r.id, r.at, r.record_type, r.action, r.changed
    from revisions r
    where r.person_id = pid
      -- The person's publication just after this change: the newest save of the person at or
      -- before it. People who came in without a revision (the demo, a dataset) count as
      -- published from the start.
      and coalesce((
          select s.after ->> 'publication' from revisions s
          where s.person_id = pid and s.record_type = 'person' and s.record_id = pid
            and (s.at, s.id) <= (r.at, r.id)
          order by s.at desc, s.id desc
          limit 1
      ), 'published') = 'published'
$$;
