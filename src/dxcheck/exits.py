"""The exit codes of every command (README「終了コード」), in one place."""

from __future__ import annotations

EXIT_OK = 0  # nothing at or above --fail-on
EXIT_FINDINGS = 1  # findings at or above --fail-on, an invalid plan; diff: coverage got worse
EXIT_USAGE = 2  # a usage error, an unreadable file, an output that cannot be written
EXIT_INTERRUPTED = 130  # Ctrl-C
EXIT_BROKEN_PIPE = 141  # the reader of the output went away (`| head`): 128 + SIGPIPE, quietly
