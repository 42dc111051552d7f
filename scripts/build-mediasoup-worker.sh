#!/usr/bin/env bash
# Builds mediasoup's C++ worker offline, from the npm package's worker sources and the library
# tarballs in ../shared/vendor/mediasoup-worker (see its RECIPE.md for what was measured), for
# machines where mediasoup's postinstall cannot download its prebuilt worker.
#
#   scripts/build-mediasoup-worker.sh            build (or reuse), copy into node_modules/mediasoup, print the path
#   scripts/build-mediasoup-worker.sh --path     print where the binary is cached, build nothing
#
# The binary is cached outside the clone, keyed by mediasoup's version and the tarballs' hashes,
# so a second run on the same machine reuses it. Point MEDIASOUP_WORKER_BIN at the printed path
# for `npm ci` (mediasoup then skips its download) and when the hub runs (mediasoup spawns it).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
vendor="${WINGS_MEDIASOUP_VENDOR:-$root/../shared/vendor/mediasoup-worker}"
cache_root="${WINGS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/wings}"

# The version comes from the lock file, so the key is known before `npm ci` has run.
version="$(node -e '
  const lock = require(process.argv[1]);
  const entry = lock.packages && lock.packages["node_modules/mediasoup"];
  if (!entry) { console.error("mediasoup is not in package-lock.json"); process.exit(1); }
  process.stdout.write(entry.version);
' "$root/package-lock.json")"
[[ -f "$vendor/SHA256SUMS" ]] || { echo "no vendored sources at $vendor (see README: Live)" >&2; exit 1; }
sums_hash="$(sha256sum "$vendor/SHA256SUMS" | cut -c1-16)"
out_dir="$cache_root/mediasoup-worker/$version-$(uname -m)-$sums_hash"
binary="$out_dir/mediasoup-worker"

if [[ "${1:-}" == "--path" ]]; then
  echo "$binary"
  exit 0
fi
# mediasoup spawns worker/out/Release/mediasoup-worker when MEDIASOUP_WORKER_BIN is unset, and
# electron-builder unpacks that folder from the asar: a copy there lets `npm start` and packaging work
# without the variable.
install_into_package() {
  local target="$root/node_modules/mediasoup/worker/out/Release/mediasoup-worker"
  [[ -d "$root/node_modules/mediasoup/worker" && ! -x "$target" ]] || return 0
  mkdir -p "$(dirname "$target")"
  cp "$binary" "$target.partial" && mv "$target.partial" "$target"
}

if [[ -x "$binary" ]]; then
  install_into_package
  echo "$binary"
  exit 0
fi

worker_src="$root/node_modules/mediasoup/worker"
[[ -f "$worker_src/meson.build" ]] || {
  echo "mediasoup's worker sources are missing: run 'MEDIASOUP_WORKER_BIN=$binary npm ci' first" >&2
  exit 1
}
installed="$(node -p 'require(process.argv[1]).version' "$root/node_modules/mediasoup/package.json")"
[[ "$installed" == "$version" ]] || { echo "node_modules has mediasoup $installed, the lock file $version" >&2; exit 1; }

(cd "$vendor" && sha256sum --quiet -c SHA256SUMS) || { echo "vendored tarballs fail their SHA256SUMS" >&2; exit 1; }
for tool in python3 ninja cc c++ make perl xz; do
  command -v "$tool" >/dev/null || { echo "missing build tool: $tool (Debian: build-essential ninja-build python3 perl xz-utils)" >&2; exit 1; }
done

jobs="$(nproc 2>/dev/null || echo 2)"
build="$(mktemp -d "${TMPDIR:-/tmp}/mediasoup-worker-build.XXXXXX")"
trap 'rm -rf "$build"' EXIT
started=$SECONDS
log() { echo "[mediasoup-worker $((SECONDS - started)) s] $*" >&2; }

log "building mediasoup $version's worker in $build"
cp -a "$worker_src" "$build/worker"
subprojects="$build/worker/subprojects"
for t in abseil-cpp flatbuffers libuv unordered_dense libsrtp; do
  tar -xJf "$vendor"/"$t"-*.tar.xz -C "$subprojects"
done
tar -xJf "$vendor"/meson-*.tar.xz -C "$build"
meson=("python3" "$(echo "$build"/meson-*/meson.py)")

# OpenSSL static and without kernel TLS: Debian's libssl (KTLS on) crashes the worker at the
# first DTLS ClientHello (RECIPE.md).
log "OpenSSL"
tar -xJf "$vendor"/openssl-*.tar.xz -C "$build"
ssl_prefix="$build/openssl-prefix"
(
  cd "$build"/openssl-[0-9]*
  ./Configure "linux-$(uname -m)" no-shared no-ktls no-tests no-legacy no-module \
    --prefix="$ssl_prefix" --openssldir=/usr/local/ssl --libdir=lib >/dev/null
  make -j"$jobs" build_libs >/dev/null
  make install_dev >/dev/null
)

# mediasoup link_whole's the openssl subproject's libcrypto_lib and libssl_lib: a stand-in
# subproject provides empty ones and passes the real static archives as link arguments.
stand_in="$subprojects/openssl-prebuilt"
mkdir -p "$stand_in"
cat >"$stand_in/meson.build" <<EOF
project('openssl-prebuilt', 'c')
threads = dependency('threads')
dl = meson.get_compiler('c').find_library('dl', required: false)
inc = include_directories('$ssl_prefix/include')
libcrypto_lib = static_library('crypto_stub', 'stub.c')
libssl_lib = static_library('ssl_stub', 'stub.c')
libcrypto_dep = declare_dependency(include_directories: inc,
  link_args: ['$ssl_prefix/lib/libcrypto.a'], dependencies: [threads, dl])
libssl_dep = declare_dependency(include_directories: inc,
  link_args: ['$ssl_prefix/lib/libssl.a', '$ssl_prefix/lib/libcrypto.a'], dependencies: [threads, dl])
openssl_dep = declare_dependency(dependencies: [libssl_dep, libcrypto_dep])
EOF
echo 'void wings_openssl_stub(void) {}' >"$stand_in/stub.c"
cat >"$subprojects/openssl.wrap" <<EOF
[wrap-file]
directory = openssl-prebuilt

[provide]
libcrypto = libcrypto_dep
libssl = libssl_dep
openssl = openssl_dep
EOF

log "meson setup"
(
  cd "$build/worker"
  "${meson[@]}" setup --wrap-mode=nodownload --force-fallback-for=openssl,libcrypto,libssl \
    --buildtype release -Db_ndebug=true out/Release >/dev/null
)
log "ninja (about 6 minutes on 2 cores)"
ninja -C "$build/worker/out/Release" -j"$jobs" mediasoup-worker >/dev/null

mkdir -p "$out_dir"
# Copy then rename, so a run killed half-way never leaves a truncated binary at the cached path.
cp "$build/worker/out/Release/mediasoup-worker" "$binary.partial"
strip "$binary.partial" 2>/dev/null || true
mv "$binary.partial" "$binary"
install_into_package
log "done: $binary"
echo "$binary"
