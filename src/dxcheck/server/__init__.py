"""`dxcheck server`: a Language Server (LSP over stdio) for plan files.

One small module per job, each testable alone:

- :mod:`.documents`: which open files are plans, and where in a plan the cursor is
- :mod:`.analysis`: validate and check a plan's text as `dxcheck check` does (config, catalog)
- :mod:`.diagnostics`: findings as LSP diagnostics
- :mod:`.hover`, :mod:`.completion`, :mod:`.actions`: what the editor asks for
- :mod:`.app`: the pygls server wiring them to the protocol (the only module importing pygls)
"""
