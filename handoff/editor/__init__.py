"""Editor tools (issue 5): the inbox of unclear resident wordings and publishing content changes.

Pages are rendered on the server in the console's look (handoff/console/html.py);
every route is guarded for the editor and admin roles (handoff/auth/guards.py).
"""
