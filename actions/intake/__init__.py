"""The intake form: what a counsellor needs, asked once, one short question at a time."""
