-- Staff who read everything staff read (restricted fields included) but change nothing.
alter type user_role add value 'viewer' before 'editor';
