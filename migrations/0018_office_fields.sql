-- Fields that never leave the office (src/domain/visibility.rs says which field is which):
-- notes for staff on people, detentions, events and waves; an event's medical details (staff
-- only); who supplied a source (the informant). No public query, feed, CSV or dataset reads them.
alter table people add column internal_notes text check (char_length(internal_notes) <= 20000);
alter table detentions add column internal_notes text check (char_length(internal_notes) <= 20000);
alter table events
    add column medical text check (char_length(medical) <= 20000),
    add column internal_notes text check (char_length(internal_notes) <= 20000);
alter table waves add column internal_notes text check (char_length(internal_notes) <= 20000);
alter table sources add column received_from text check (char_length(received_from) <= 2000);

-- Staff who opened a record with restricted or internal fields filled in (who, what, when), and
-- admins who downloaded the backup file.
alter table audit_log drop constraint audit_log_action_check;
alter table audit_log add constraint audit_log_action_check check (action in (
    'login', 'login_failed', 'login_throttled', 'logout', 'user_created', 'user_changed',
    'restricted_viewed', 'backup_exported'));

-- The fields a revision changed that the public may know of (src/domain/visibility.rs): a
-- person's public list of changes and their feed read these, never `changed`, and leave out a
-- change that touched only fields the public may not see.
alter table revisions add column public_changed text[] not null default '{}';
update revisions set public_changed = array(
    select f from unnest(changed) f where f not in ('identity', 'naming_basis', 'consent'));

create or replace function person_public_revisions(pid bigint)
returns table (number bigint, id bigint, at timestamptz, record_type text, action text, changed text[])
language sql stable parallel safe as $$
    select row_number() over (order by r.at, r.id), r.id, r.at, r.record_type, r.action, r.public_changed
    from revisions r
    where r.person_id = pid
      and (r.action in ('create', 'delete') or cardinality(r.public_changed) > 0)
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
