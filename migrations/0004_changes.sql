-- Tell running servers that published data may have changed, so that they drop what they
-- cached (rendered charts, later pages). One notification per table and transaction: PostgreSQL
-- folds identical notifications of a transaction into one and sends them at commit, so a COPY
-- of a million rows costs one message, and a rolled-back change sends nothing.

create function notify_data_changed() returns trigger
language plpgsql as $$
begin
    perform pg_notify('prisoner_tracker_data_changed', tg_table_name);
    return null;
end
$$;

do $$
declare
    t text;
begin
    foreach t in array array[
        'countries', 'people', 'person_names', 'person_citizenships', 'person_slug_redirects',
        'facilities', 'waves', 'wave_slug_redirects', 'detentions', 'detention_charges', 'events',
        'recognitions', 'reported_figures', 'sources', 'citations'
    ] loop
        execute format(
            'create trigger %I after insert or update or delete or truncate on %I
             for each statement execute function notify_data_changed()',
            t || '_notify_changed', t);
    end loop;
end
$$;
