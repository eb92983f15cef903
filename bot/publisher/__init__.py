"""The publisher (issue 5): editors' content changes are versioned, trained, evaluated, and published or rejected.

A small HTTP service in the bot environment (`server.py`, started by
`neuvo run` on loopback), called by the hub's editor pages. One job at a
time (`worker.py`): snapshot the content, apply the changes, train, evaluate
on the held-out sets, compare with the served model (`gate.py`), then write
the content, record the version and switch the running Rasa to the new model.
State lives in files (`store.py`) so a restart loses nothing.
"""
