import re
import tomllib

import yaml

from conftest import ROOT


def _name(req: str) -> str:
    return re.split(r"[<>=!\[ ]", req, maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_pyproject_packages_at_the_locked_versions():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_list = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    env_pins = {_name(p): p.split("==")[1] for p in pip_list if "==" in p}
    lock = {_name(line): line.strip().split("==")[1] for line in (ROOT / "requirements.lock").read_text().splitlines()
            if "==" in line}
    assert {_name(d) for d in deps} == set(env_pins)
    for name, version in env_pins.items():
        assert lock[name] == version, name
    assert "-e ." in pip_list
