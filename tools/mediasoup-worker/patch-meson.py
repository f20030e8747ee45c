#!/usr/bin/env python3
"""Rewrite mediasoup 3.12.x's worker build description to use system libraries.

mediasoup's meson.build pulls its third-party libraries in as meson subprojects, which
download from GitHub and wrapdb. Debian bookworm ships exactly the versions 3.12.16
needs, so each `subproject(...)` becomes a `dependency(...)` found with pkg-config.
libsrtp2 is taken statically from the OpenSSL-backed build made by scripts/setup.mjs
(PKG_CONFIG_PATH points at it), never from Debian's NSS-backed shared library.

usage: patch-meson.py <worker-dir>   (edits in place; keeps *.orig so re-runs are clean)
"""
import os
import re
import shutil
import sys

SYSTEM_DEPS = """
# --- Tongke: system libraries instead of meson subprojects ---
openssl_dep = dependency('openssl', version: '>= 3.0')
nlohmann_json_dep = dependency('nlohmann_json', version: '>= 3.10')
libuv_dep = dependency('libuv', version: '>= 1.44')
# Static, OpenSSL-backed libsrtp2 (see scripts/setup.mjs). mediasoup includes <srtp.h>.
_srtp2 = dependency('libsrtp2', version: '>= 2.5', static: true)
libsrtp2_dep = declare_dependency(dependencies: [_srtp2, openssl_dep],
  compile_args: ['-I' + (_srtp2.get_variable(pkgconfig: 'includedir') / 'srtp2')])
usrsctp_dep = dependency('usrsctp')
absl_strings_dep = dependency('absl_strings')
absl_types_dep = declare_dependency(dependencies: [
  dependency('absl_optional'), dependency('absl_variant')])
absl_container_dep = declare_dependency(dependencies: [
  dependency('absl_flat_hash_map'), dependency('absl_flat_hash_set'),
  dependency('absl_btree'), dependency('absl_inlined_vector'),
  dependency('absl_memory')])
catch2_dep = dependency('catch2', required: false)
# --- end Tongke ---
"""

SUBPROJECT_BLOCK = re.compile(r"^\w+_proj = subproject\(.*?^\)\n", re.M | re.S)
PROJ_VARIABLE = re.compile(r"\b(?!wingetopt)\w+_proj\.get_variable\('(\w+)'\)")


def original(path: str) -> str:
    if not os.path.exists(path + '.orig'):
        shutil.copy(path, path + '.orig')
    with open(path + '.orig', encoding='utf-8') as f:
        return f.read()


def patch_main(text: str) -> str:
    # Debian bookworm ships meson 1.0.1; nothing newer is used by this file.
    text = re.sub(r"meson_version: '>= [0-9.]+'", "meson_version: '>= 0.63.0'", text)
    text, count = SUBPROJECT_BLOCK.subn('', text)
    if count < 6:
        sys.exit(f'patch-meson: expected >= 6 subprojects in meson.build, found {count}')
    anchor = "cpp = meson.get_compiler('cpp')\n"
    if anchor not in text:
        sys.exit('patch-meson: compiler anchor not found in meson.build')
    text = text.replace(anchor, anchor + SYSTEM_DEPS, 1)
    # link_whole lists static libs of the subprojects, used only by libmediasoup-worker.
    text, count = re.subn(r"^link_whole = \[.*?^\]\n", "link_whole = [\n  libwebrtc,\n]\n", text, flags=re.M | re.S)
    if count != 1:
        sys.exit('patch-meson: link_whole block not found in meson.build')
    return PROJ_VARIABLE.sub(r'\1', text)


def patch_webrtc(text: str) -> str:
    text = SUBPROJECT_BLOCK.sub('', text)
    return PROJ_VARIABLE.sub(r'\1', text)


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit('usage: patch-meson.py <worker-dir>')
    worker = sys.argv[1]
    main_build = os.path.join(worker, 'meson.build')
    webrtc_build = os.path.join(worker, 'deps', 'libwebrtc', 'meson.build')
    patched = {main_build: patch_main(original(main_build)), webrtc_build: patch_webrtc(original(webrtc_build))}
    for path, text in patched.items():
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
    left = [line for text in patched.values() for line in text.splitlines() if 'subproject(' in line or '_proj.' in line]
    print('patched; remaining subproject references:', left)


if __name__ == '__main__':
    main()
