"""The kustomize base in k8s/, rendered without kubectl: every resource the kustomization lists (and
the ConfigMap its generator makes) validated by kubernetes-validate --strict, then checked for what a
production pod needs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from app.main import create_app
from app.settings import Settings
from tests.api.conftest import REPO_ROOT

K8S = REPO_ROOT / "k8s"
KUBERNETES_VALIDATE = Path(sys.executable).parent / "kubernetes-validate"
# The oldest release still widely run, and the newest the validator bundles.
KUBERNETES_VERSIONS = ("1.30.0", "1.37.0")


def _load(path: Path) -> dict[str, Any]:
    loaded = yaml.safe_load(path.read_text())
    assert isinstance(loaded, dict), path
    return loaded


KUSTOMIZATION = _load(K8S / "kustomization.yaml")


def _resources() -> dict[str, dict[str, Any]]:
    """Kind -> resource, for each file the kustomization lists."""
    loaded = [_load(K8S / name) for name in KUSTOMIZATION["resources"]]
    return {resource["kind"]: resource for resource in loaded}


def _settings_env() -> dict[str, str]:
    [generator] = KUSTOMIZATION["configMapGenerator"]
    [env_file] = generator["envs"]
    lines = (K8S / env_file).read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))


def _generated_config_map() -> dict[str, Any]:
    """The ConfigMap the generator makes (kustomize adds a hash suffix to its name and references)."""
    [generator] = KUSTOMIZATION["configMapGenerator"]
    return {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {"name": generator["name"]},
        "data": _settings_env(),
    }


def _pod() -> dict[str, Any]:
    pod: dict[str, Any] = _resources()["Deployment"]["spec"]["template"]
    return pod


def _container() -> dict[str, Any]:
    [container] = _pod()["spec"]["containers"]
    assert isinstance(container, dict)
    return container


def test_the_kustomization_lists_every_manifest_and_each_exists() -> None:
    manifests = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(KUSTOMIZATION["resources"]) == manifests
    assert set(_resources()) == {
        "Deployment",
        "Service",
        "HorizontalPodAutoscaler",
        "PodDisruptionBudget",
        "NetworkPolicy",
    }


@pytest.mark.parametrize("kubernetes_version", KUBERNETES_VERSIONS)
def test_every_resource_validates_strictly(kubernetes_version: str, tmp_path: Path) -> None:
    config_map = tmp_path / "configmap.yaml"
    config_map.write_text(yaml.safe_dump(_generated_config_map()))
    files = [str(K8S / name) for name in KUSTOMIZATION["resources"]] + [str(config_map)]
    result = subprocess.run(
        [str(KUBERNETES_VALIDATE), "--strict", "-k", kubernetes_version, *files],
        capture_output=True,
        text=True,
        check=False,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    # An unknown kind or apiVersion is only a warning there ("couldn't find schema"): not here.
    assert "WARN" not in report and "ERROR" not in report, report
    assert report.count(" passed for resource ") == len(files), report


def test_every_setting_in_the_config_map_is_a_valid_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = _settings_env()
    known = {f"EXTRACTOR_{field.upper()}" for field in Settings.model_fields}
    assert settings.keys() <= known, settings.keys() - known
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    Settings(_env_file=None)  # every value parses
    [env_from] = _container()["envFrom"]
    assert env_from["configMapRef"]["name"] == _generated_config_map()["metadata"]["name"]


def test_startup_readiness_and_liveness_probe_distinct_endpoints_the_app_serves() -> None:
    container = _container()
    paths = {
        probe: container[probe]["httpGet"]["path"]
        for probe in ("startupProbe", "readinessProbe", "livenessProbe")
    }
    assert paths == {"startupProbe": "/startupz", "readinessProbe": "/readyz", "livenessProbe": "/healthz"}
    served = create_app(Settings()).openapi()["paths"].keys()
    assert set(paths.values()) <= served


def test_shutdown_fits_the_grace_period_and_readiness_fails_within_the_drain() -> None:
    settings = _settings_env()
    drain = float(settings["EXTRACTOR_DRAIN_SECONDS"])
    finishing = float(settings["EXTRACTOR_GRACEFUL_SHUTDOWN_SECONDS"])
    assert _pod()["spec"]["terminationGracePeriodSeconds"] >= drain + finishing + 5
    readiness = _container()["readinessProbe"]
    assert readiness["periodSeconds"] * readiness["failureThreshold"] <= drain


def test_the_pod_runs_locked_down_with_only_tmp_writable() -> None:
    pod_spec = _pod()["spec"]
    assert pod_spec["securityContext"]["runAsNonRoot"] is True
    assert pod_spec["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    assert pod_spec["automountServiceAccountToken"] is False
    security = _container()["securityContext"]
    assert security["readOnlyRootFilesystem"] is True
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"] == {"drop": ["ALL"]}
    [mount] = _container()["volumeMounts"]
    [volume] = pod_spec["volumes"]
    assert (mount["mountPath"], mount["name"]) == ("/tmp", volume["name"])
    assert "emptyDir" in volume


def test_memory_is_requested_as_limited_and_cpu_is_requested_for_the_autoscaler() -> None:
    resources = _container()["resources"]
    assert resources["requests"]["memory"] == resources["limits"]["memory"]
    assert {"cpu", "memory"} <= resources["requests"].keys() & resources["limits"].keys()
    hpa = _resources()["HorizontalPodAutoscaler"]["spec"]
    [metric] = hpa["metrics"]
    assert metric["resource"]["name"] == "cpu"
    assert hpa["minReplicas"] >= 2


def test_every_resource_points_at_the_deployment_and_its_pods() -> None:
    resources = _resources()
    deployment = resources["Deployment"]
    labels = _pod()["metadata"]["labels"]
    assert "replicas" not in deployment["spec"], "the autoscaler owns the replica count"
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert resources["Service"]["spec"]["selector"].items() <= labels.items()
    assert resources["PodDisruptionBudget"]["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert resources["NetworkPolicy"]["spec"]["podSelector"]["matchLabels"].items() <= labels.items()
    target = resources["HorizontalPodAutoscaler"]["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == ("Deployment", deployment["metadata"]["name"])


def test_the_served_port_is_the_one_exposed_allowed_and_scraped() -> None:
    port = int(_settings_env()["EXTRACTOR_PORT"])
    [container_port] = _container()["ports"]
    assert container_port["containerPort"] == port
    [rule] = _resources()["NetworkPolicy"]["spec"]["ingress"]
    assert [p["port"] for p in rule["ports"]] == [port]
    annotations = _pod()["metadata"]["annotations"]
    assert annotations["prometheus.io/port"] == str(port)
    assert annotations["prometheus.io/path"] == "/metrics"
    [image] = KUSTOMIZATION["images"]  # kustomize sets the tag (or registry) of this image name
    assert _container()["image"] == image["name"]
