"""Errors shared by every stage."""


class ConfigError(Exception):
    """A configuration problem (bad YAML, missing column, unknown path).

    The message is one sentence naming the file and the place; the command line
    prints it and exits with status 2, without a traceback.
    """


def check_whole(what: str, value, minimum: int = 1, unit: str = "") -> int:
    """``value`` as a whole number of at least ``minimum``; ConfigError naming ``what`` otherwise."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ConfigError(f"{what}: must be a whole number{unit} of at least {minimum} (got {value!r})")
    return value


def read_model(path, what: str, command: str, valid, missing_what: str | None = None) -> dict:
    """The data of a model stored as JSON; ConfigError saying how to rebuild it when the file is missing
    (named ``missing_what``, default ``what``) or ``valid(data)`` is false (a model of another version)."""
    import json
    from pathlib import Path
    path = Path(path)
    if not path.exists():
        raise ConfigError(f"{path}: {missing_what or what} model missing; rebuild it with: python -m analysis {command}")
    data = json.loads(path.read_text(encoding="utf-8"))
    if not valid(data):
        raise ConfigError(f"{path}: not a {what} model of this version; rebuild it with: python -m analysis {command}")
    return data


def read_yaml(path, what: str):
    """The parsed YAML of a configuration file; ConfigError naming the file and the line otherwise."""
    from pathlib import Path

    import yaml
    path = Path(path)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: {what} file not found") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "somewhere"
        raise ConfigError(f"{path}: invalid YAML at {where}: {getattr(err, 'problem', err)}") from None
