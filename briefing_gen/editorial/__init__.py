"""The editors' files: notes and corrections (`notes/<slug>.md`), read by the build and never
written by it; `new_note` creates one on request."""
