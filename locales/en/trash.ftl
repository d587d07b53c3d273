# The admins' trash of deleted people (templates/admin/trash.html), issue 19.

admin-nav-trash = Trash
admin-home-trash = deleted people, restorable with their whole case for 30 days.
trash-title = Trash
trash-intro = { $plural ->
    [one] A deleted person's whole case is kept here for { $n } day, then purged. Restoring puts it back as it was, at the same address.
   *[other] A deleted person's whole case is kept here for { $n } days, then purged. Restoring puts it back as it was, at the same address.
}
trash-empty = The trash is empty.
trash-col-person = Person
trash-col-deleted = Deleted
trash-col-by = By
trash-col-purge = Purged on
trash-col-action = Action
trash-not-public = not shown by name
trash-restore = Restore
trash-restored = Restored, with their whole case.
trash-open-restored = Open the record
trash-refused-gone = This person is no longer in the trash: restored already, or purged.
trash-refused-slug_taken = Not restored: their address now belongs to someone else. Change that person's address first.
trash-refused-missing = Not restored: something their case points to (a source, a release wave or a facility) was deleted since. Add it again first.
trash-refused-other = Not restored.
audit-trash_purged = Deleted person purged from the trash
revision-untrash = Restored from the trash
