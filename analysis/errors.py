"""Errors shared by every stage."""


class ConfigError(Exception):
    """A configuration problem (bad YAML, missing column, unknown path).

    The message is one sentence naming the file and the place; the command line
    prints it and exits with status 2, without a traceback.
    """
