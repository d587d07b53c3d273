-- Some changes take something away from the public: a record unpublished, a row deleted. A
-- server keeps serving stale cached pages while the database is unavailable, but never a page
-- cached before such a change, so these send a notification of their own ('withdrawn', on the
-- same channel as every change) beside the one every write sends.

create function notify_data_withdrawn() returns trigger
language plpgsql as $$
begin
    perform pg_notify('prisoner_tracker_data_changed', 'withdrawn');
    return null;
end
$$;

do $$
declare
    t text;
begin
    foreach t in array array['people', 'waves', 'reported_figures'] loop
        execute format(
            'create trigger %I after update of publication on %I for each row
             when (old.publication = ''published'' and new.publication <> ''published'')
             execute function notify_data_withdrawn()',
            t || '_notify_unpublished', t);
    end loop;
    foreach t in array array[
        'countries', 'people', 'person_names', 'person_citizenships', 'person_slug_redirects',
        'facilities', 'waves', 'wave_slug_redirects', 'detentions', 'detention_charges', 'events',
        'recognitions', 'reported_figures', 'sources', 'citations', 'photos', 'person_texts',
        'wave_texts', 'event_texts'
    ] loop
        execute format(
            'create trigger %I after delete or truncate on %I
             for each statement execute function notify_data_withdrawn()',
            t || '_notify_withdrawn', t);
    end loop;
end
$$;
