"""What every command shares: its messages and outputs (``output``), the input files and
``--today`` (``inputs``), and the horizon, body and plan options of the commands that project
(``horizon``). Only the CLI prints or exits."""
