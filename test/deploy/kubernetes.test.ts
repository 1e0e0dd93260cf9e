// deploy/kubernetes/ can't be built here (no Docker engine, no cluster): check what can be.
// The Helm values parse as YAML with the keys Zero to JupyterHub reads, and the image runs
// the install script that `npm run test:hub` tests.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { KERNEL_NAME, PROJECT_ROOT, venvBin } from "../../scripts/paths.js";

const K8S = path.join(PROJECT_ROOT, "deploy", "kubernetes");
const IMAGE_ROOT = "/opt/concurrence"; // where the Dockerfile copies the project

type Yaml = Record<string, any>;

function values(): Yaml {
  const script = "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))";
  const result = spawnSync(venvBin("python"), ["-c", script, path.join(K8S, "values.yaml")], { encoding: "utf8" });
  assert.equal(result.status, 0, `values.yaml does not parse: ${result.stderr}`);
  return JSON.parse(result.stdout) as Yaml;
}

test("the Helm values set the image, CPU and memory guarantees and limits, the worker ceiling and culling", () => {
  const { singleuser, cull, hub } = values();
  assert.match(singleuser.image.name, /\S/);
  assert.equal(typeof singleuser.image.tag, "string", "a quoted tag: YAML would read 0.10 as a number");
  for (const resource of ["cpu", "memory"]) {
    assert.ok(singleuser[resource].guarantee, `${resource}.guarantee`);
    assert.ok(singleuser[resource].limit, `${resource}.limit`);
  }
  assert.ok(Number(singleuser.cpu.guarantee) <= Number(singleuser.cpu.limit));
  assert.ok(Number.isInteger(Number(singleuser.extraEnv.CONCURRENCE_MAX_WORKERS)), "CONCURRENCE_MAX_WORKERS is an integer");
  assert.equal(cull.enabled, true);
  assert.ok(cull.timeout > 0 && cull.every > 0);
  assert.match(hub.extraConfig.defaultKernel, new RegExp(`default_kernel_name=${KERNEL_NAME}\\b`));
});

test("each start pulls the student edition with the tested sync script, and the nbgitpuller link names the same repository", () => {
  const { singleuser, custom } = values();
  const [python, script, repo, branch, target] = singleuser.lifecycleHooks.postStart.exec.command as string[];
  assert.equal(python, "python");
  assert.ok(script.startsWith(`${IMAGE_ROOT}/`), script);
  assert.ok(existsSync(path.join(PROJECT_ROOT, script.slice(IMAGE_ROOT.length + 1))), `${script} is in the project`);
  assert.equal(target, "/home/jovyan/cours");
  assert.ok(singleuser.defaultUrl.endsWith("/cours"));
  const link = new URL(custom.nbgitpullerLink);
  assert.equal(link.pathname, "/hub/user-redirect/git-pull");
  assert.equal(link.searchParams.get("repo"), repo);
  assert.equal(link.searchParams.get("branch"), branch);
});

test("the Dockerfile copies the project to where the values expect it and runs deploy/install-course.sh", () => {
  const dockerfile = readFileSync(path.join(K8S, "Dockerfile"), "utf8");
  assert.match(dockerfile, new RegExp(`^COPY .*\\. ${IMAGE_ROOT}$`, "m"));
  const run = /^RUN (\S+install-course\.sh)(.*)$/m.exec(dockerfile);
  assert.ok(run, "a RUN line calls the install script");
  assert.equal(run[1], `${IMAGE_ROOT}/deploy/install-course.sh`);
  assert.match(run[2], /--jupyter \S+ --prefix \S+/);
  assert.ok(existsSync(path.join(PROJECT_ROOT, "deploy", "install-course.sh")));
  assert.match(dockerfile, /ln -s \/opt\/concurrence\/node_modules \/home\/node_modules/, "notebooks under /home/jovyan find the library");
});
