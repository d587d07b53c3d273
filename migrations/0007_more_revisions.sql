-- The remaining records get the same edit rules as people, detentions, events and waves: a
-- `version` counted per save (a form saving over a newer version is refused) and revisions of
-- their own. Deleting a record is a revision too (its `before` keeps the whole record).

alter table sources add column version integer not null default 1 check (version >= 1);
alter table recognitions add column version integer not null default 1 check (version >= 1);
alter table facilities add column version integer not null default 1 check (version >= 1);
alter table reported_figures add column version integer not null default 1 check (version >= 1);
alter table citations add column version integer not null default 1 check (version >= 1);

alter table revisions drop constraint revisions_record_type_check;
alter table revisions add constraint revisions_record_type_check check (record_type in (
    'person', 'detention', 'event', 'wave', 'source', 'citation', 'recognition', 'facility',
    'figure', 'photo'));
