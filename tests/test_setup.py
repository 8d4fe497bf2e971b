import re
import tomllib

import yaml

from conftest import ROOT


def _name(req: str) -> str:
    return re.split(r"[<>=!\[ ]", req, maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_pyproject_packages_at_the_locked_versions():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = project["dependencies"] + [d for extra in project["optional-dependencies"].values() for d in extra]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_list = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    env_pins = {_name(p): p.split("==")[1] for p in pip_list if "==" in p}
    lock = {_name(line): line.strip().split("==")[1] for line in (ROOT / "requirements.lock").read_text().splitlines()
            if "==" in line}
    assert {_name(d) for d in deps} == set(env_pins)
    for name, version in env_pins.items():
        assert lock[name] == version, name
    assert "-e ." in pip_list


def test_pytest_and_hypothesis_are_a_test_extra_and_the_cli_a_console_script():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert not {"pytest", "hypothesis"} & {_name(d) for d in project["dependencies"]}
    assert {"pytest", "hypothesis"} <= {_name(d) for d in project["optional-dependencies"]["test"]}
    assert project["scripts"]["media-framing"] == "analysis.__main__:cli"
    assert isinstance(project["license"], str)
    assert not list(ROOT.glob("*.whl"))


def test_every_cli_option_has_a_help_text_showing_its_default():
    import argparse

    from analysis.__main__ import _parser

    def walk(parser, path):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield from walk(sub, path + [name])
            elif not isinstance(action, argparse._HelpAction):
                yield path, action, parser

    checked = 0
    for path, action, parser in walk(_parser(), []):
        assert action.help, f"{' '.join(path)} {action.option_strings}: no help text"
        text = parser.format_help()
        if action.default not in (None, False) and not action.required:
            # (compared without white space: help wraps long paths anywhere)
            assert "".join(f"(default: {action.default}".split()) in "".join(text.split()), \
                f"{' '.join(path)} {action.option_strings}"
        checked += 1
    assert checked > 40
