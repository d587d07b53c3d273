-- Editors' changes to published records wait here until an admin approves them (REVIEW_EDITS,
-- on by default): the public keeps the last approved version meanwhile. One pending change per
-- record (a newer one replaces it); a new part of a published person's case waits with its
-- parent instead of a record id.
create table pending_changes (
    id bigint generated always as identity primary key,
    record_type text not null,
    record_id bigint,
    parent_type text,
    parent_id bigint,
    -- The person whose case it is part of, for the review page's links.
    person_id bigint references people on delete cascade,
    -- The version the editor's form was loaded at: approving over a newer one is refused.
    base_version integer,
    -- The record when the change was made (for the review page), and as the change makes it.
    before jsonb,
    doc jsonb not null,
    user_id bigint not null references users on delete cascade,
    created_at timestamptz not null default now(),
    check ((record_id is null) = (base_version is null))
);
create unique index pending_changes_one_per_record on pending_changes (record_type, record_id)
    where record_id is not null;

alter table audit_log drop constraint audit_log_action_check;
alter table audit_log add constraint audit_log_action_check check (action in (
    'login', 'login_failed', 'login_throttled', 'logout', 'user_created', 'user_changed',
    'restricted_viewed', 'backup_exported', 'change_approved', 'change_rejected'));
