# Error pages (templates/error.html), by kind (src/error.rs).

error-title-not_found = Page not found
error-text-not_found = There is no page at this address. It may have been mistyped, or the record may not be published.
error-title-unavailable = Temporarily unavailable
error-text-unavailable = The site cannot reach its database at the moment. Please try again in a minute.
error-title-bad_request = Bad request
error-text-bad_request = The request could not be understood.
error-title-forbidden = Not allowed
error-text-forbidden = Your account may not do this, or the form was sent from another site or has expired. Go back, reload the form and try again.
error-title-timeout = Request took too long
error-text-timeout = The server took too long to answer. Please try again.
error-title-too_large = Request too large
error-text-too_large = What was sent is larger than the site accepts.
error-title-method_not_allowed = Method not allowed
error-text-method_not_allowed = This address does not accept that kind of request.
error-title-other = Something went wrong
error-text-other = The error has been logged. Please try again later.
error-status = Error { $status }
error-home = Go to the home page

## Reasons for a refusal (Message keys chosen in Rust)

refusal-nul = The text sent contains a character that cannot be stored or searched (NUL).
refusal-malformed = A parameter of this address or a field of the form is malformed, missing or given twice.
refusal-account-form = This account form was not filled in as the page sends it.
