"""One module per `threadscore` command, each with `add_arguments(parser)` and `run(args)`."""
