#!/bin/bash
# Packs what the GPU run needs into two folders that each fit one call's 64 MiB (run here,
# on Debian 12 with Debian's chromium installed; see bench/gpu/README.md):
#   .gpu1/hs.xz          Chromium's headless shell (Debian's chromium-headless-shell), xz
#   .gpu2/rest.tar.xz    chromium/: Chromium's data files from Debian's chromium-common;
#                        lib/: the libraries the shell links to, and glvnd's EGL/GL loaders
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download chromium-headless-shell libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2 2>/dev/null)
dpkg -x "$work"/chromium-headless-shell_*.deb "$work/root"
shell="$work/root/usr/lib/chromium/chromium-headless-shell"
mkdir -p "$work/pack/lib" "$work/pack/chromium/locales" "$work/glx" .gpu1 .gpu2
ldd "$shell" | awk '/=>/{print $3}' | grep -vE '/(libc|libm|libdl|libpthread|librt|ld-linux-x86-64)\.so' | xargs -I{} cp -L {} "$work/pack/lib/"
for f in "$work"/lib*.deb; do dpkg -x "$f" "$work/glx"; done
cp -P "$work"/glx/usr/lib/x86_64-linux-gnu/*.so* "$work/pack/lib/"
C=/usr/lib/chromium
cp $C/icudtl.dat $C/v8_context_snapshot.bin $C/snapshot_blob.bin $C/libEGL.so $C/libGLESv2.so $C/libvk_swiftshader.so \
  $C/vk_swiftshader_icd.json $C/libvulkan.so.1 "$work/pack/chromium/"
cp $C/locales/en-US.pak "$work/pack/chromium/locales/"
cp "$work"/root/usr/lib/chromium/headless_* "$work/pack/chromium/"
xz -T0 -9 -c "$shell" > .gpu1/hs.xz
tar -C "$work/pack" -cJf .gpu2/rest.tar.xz lib chromium
ls -la .gpu1 .gpu2
