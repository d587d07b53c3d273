-- The name other staff see on history and conflict pages, instead of the e-mail address (which
-- only admins see, on the accounts page). Without one, "Staff <id>" is shown.
alter table users
    add column display_name text
        check (char_length(btrim(display_name)) between 1 and 80 and display_name !~ '[[:cntrl:]]');
