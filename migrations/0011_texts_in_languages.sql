-- Record content in several languages (issue 9). A record's own columns stay its original text,
-- in the language `text_lang` says; translations of the free text a reader reads (a person's
-- occupation, region and biography; a wave's name and notes; an event's description) live
-- beside it, one row per record and language. A page shows the text in its language, else the
-- original, else any translation, and says so. Titles of sources and names of facilities stay
-- as entered (they are cited as published).
--
-- Every record so far was typed in English (the demo data is English).

alter table people add column text_lang text not null default 'en'
    constraint people_text_lang_check check (text_lang in ('en', 'be', 'ru'));
alter table waves add column text_lang text not null default 'en'
    constraint waves_text_lang_check check (text_lang in ('en', 'be', 'ru'));
alter table events add column text_lang text not null default 'en'
    constraint events_text_lang_check check (text_lang in ('en', 'be', 'ru'));

-- A translation holds at least one text; an emptied one is deleted, not kept blank.
create table person_texts (
    person_id bigint not null references people on delete cascade,
    lang text not null check (lang in ('en', 'be', 'ru')),
    occupation text check (text_ok(occupation, 500)),
    region text check (text_ok(region, 200)),
    biography text check (text_ok(biography, 20000)),
    version integer not null default 1 check (version >= 1),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (person_id, lang),
    constraint person_texts_not_empty check (num_nonnulls(occupation, region, biography) > 0)
);

create table wave_texts (
    wave_id bigint not null references waves on delete cascade,
    lang text not null check (lang in ('en', 'be', 'ru')),
    name text check (text_ok(name, 300)),
    notes text check (text_ok(notes, 20000)),
    version integer not null default 1 check (version >= 1),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (wave_id, lang),
    constraint wave_texts_not_empty check (num_nonnulls(name, notes) > 0)
);

create table event_texts (
    event_id bigint not null references events on delete cascade,
    lang text not null check (lang in ('en', 'be', 'ru')),
    description text not null check (text_ok(description, 5000)),
    version integer not null default 1 check (version >= 1),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (event_id, lang)
);

create trigger person_texts_updated_at before update on person_texts
    for each row execute function set_updated_at();
create trigger wave_texts_updated_at before update on wave_texts
    for each row execute function set_updated_at();
create trigger event_texts_updated_at before update on event_texts
    for each row execute function set_updated_at();

-- As for every other record table (migration 0004): caches drop what they hold when it changes.
create trigger person_texts_notify_changed after insert or update or delete or truncate on person_texts
    for each statement execute function notify_data_changed();
create trigger wave_texts_notify_changed after insert or update or delete or truncate on wave_texts
    for each statement execute function notify_data_changed();
create trigger event_texts_notify_changed after insert or update or delete or truncate on event_texts
    for each statement execute function notify_data_changed();

-- Saving a record's translations is a revision of its own kind.
alter table revisions drop constraint revisions_record_type_check;
alter table revisions add constraint revisions_record_type_check check (record_type in (
    'person', 'detention', 'event', 'wave', 'source', 'citation', 'recognition', 'facility',
    'figure', 'photo', 'person_texts', 'wave_texts', 'event_texts'));
