# syntax=docker/dockerfile:1
#
# prisoner-tracker container image.
#
#   docker build -t prisoner-tracker:local .
#   docker compose up --build          # app + PostgreSQL, see docker-compose.yml
#
# Needs BuildKit (the default builder since Docker 23 / Compose v2) for the
# cache mounts below: the cargo registry and target/ survive between builds, so a
# rebuild after a source change recompiles only the crate itself, not its deps.
#
# Everything the binary needs at run time is embedded at compile time
# (migrations/, templates/, static/, locales/, data/demo.json), so the runtime stage holds
# the binary and CA certificates only.

############################  builder  ############################
FROM rust:1.95-slim-bookworm AS builder

WORKDIR /build

# No database at build time: sqlx query macros read the committed .sqlx/ data.
ENV SQLX_OFFLINE=true \
    CARGO_TERM_COLOR=never \
    CARGO_INCREMENTAL=0

# Manifests first. `build.r[s]` and `askama.tom[l]` copy build.rs / askama.toml
# when they exist and are skipped when they do not (BuildKit lets a COPY
# wildcard match nothing). rust-toolchain.toml and .cargo/ are deliberately not
# copied: the toolchain is the one this image pins.
COPY Cargo.toml Cargo.lock build.r[s] askama.tom[l] ./
COPY .sqlx ./.sqlx
COPY migrations ./migrations
COPY templates ./templates
COPY static ./static
COPY data ./data
COPY locales ./locales
COPY src ./src

# target/ lives in a cache mount (not in the layer), so the binary is copied out
# to /out within the same RUN.
RUN --mount=type=cache,id=prisoner-tracker-cargo-registry,target=/usr/local/cargo/registry,sharing=locked \
    --mount=type=cache,id=prisoner-tracker-cargo-git,target=/usr/local/cargo/git,sharing=locked \
    --mount=type=cache,id=prisoner-tracker-target,target=/build/target,sharing=locked \
    cargo build --release --locked --bin prisoner-tracker \
 && install -D -m 0755 target/release/prisoner-tracker /out/prisoner-tracker

############################  runtime  ############################
FROM debian:bookworm-slim AS runtime

# ca-certificates is left unpinned on purpose: it must follow Debian's security
# updates of the trust store (pinning an exact version would break the build as
# soon as bookworm ships a newer one).
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 app \
 && useradd --system --no-log-init --uid 10001 --gid app \
        --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin app

COPY --from=builder /out/prisoner-tracker /usr/local/bin/prisoner-tracker

# The app listens on 127.0.0.1:3000 by default; in a container it must listen
# on all interfaces so the published port reaches it.
ENV BIND_ADDR=0.0.0.0:3000

# Numeric uid:gid so orchestrators can verify runAsNonRoot.
USER 10001:10001

EXPOSE 3000

ENTRYPOINT ["prisoner-tracker"]
CMD ["serve"]
