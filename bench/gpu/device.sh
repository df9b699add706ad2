#!/bin/bash
# The benchmark on a lent GPU machine (bench/gpu/README.md). Two steps, because what
# travels to that machine is limited to 64 MiB a call:
#   bash bench/gpu/device.sh shell   # unpacks .gpu1/hs.xz (Chromium's headless shell)
#   bash bench/gpu/device.sh run     # unpacks .gpu2/rest.tar.xz (libraries, Chromium's
#                                    # data files), finds the NVIDIA EGL/Vulkan drivers,
#                                    # runs bench/gpu/cdp_bench.py on dist/ into $OUT
set -u
G=/opt/ntcc-gpu
case "${1:-}" in
shell)
  mkdir -p $G/chromium
  python3 -c "import lzma,shutil; shutil.copyfileobj(lzma.open('.gpu1/hs.xz'), open('$G/chromium/chromium-headless-shell','wb'), 1<<22)"
  chmod +x $G/chromium/chromium-headless-shell
  ls -la $G/chromium
  head -2 /etc/os-release
  nvidia-smi -L
  ls /usr/local/nvidia /usr/local/nvidia/lib64 2>&1 | head -60
  find / -xdev \( -name '*nvidia*.json' -o -name 'libEGL_nvidia.so*' -o -name 'libGLX_nvidia.so*' \) 2>/dev/null | grep -v '^/proc' | head
  python3 -c 'import aiohttp,sys;print("aiohttp", aiohttp.__version__, sys.version)'
  ldconfig -p | grep -E 'libnss3|libglib-2|libEGL.so|libvulkan|libX11.so|libstdc|libGLdispatch|libgbm' ;;
run)
  python3 -c "import tarfile; tarfile.open('.gpu2/rest.tar.xz').extractall('$G')" || exit 1
  # Prefer the machine's own copy of a library where it has one (newer than Debian 12's).
  for f in $(ls $G/lib); do
    case $f in libGL* | libEGL* | libOpenGL* | libvulkan*) continue ;; esac
    ldconfig -p | grep -q "[[:space:]]$f (" && rm -f "$G/lib/$f"
  done
  echo "carried libraries used: $(ls $G/lib | tr '\n' ' ')"
  egl=$(find /usr/local/nvidia /usr/share/glvnd /etc/glvnd -path '*egl_vendor.d*' -name '*nvidia*.json' 2>/dev/null | head -1)
  vk=$(find /usr/local/nvidia /usr/share/vulkan /etc/vulkan -name 'nvidia_icd*.json' 2>/dev/null | head -1)
  nvl=$(dirname "$(find /usr/local/nvidia /usr/lib/x86_64-linux-gnu /usr/lib64 -name 'libEGL_nvidia.so.0' 2>/dev/null | head -1)")
  echo "EGL vendor: $egl; Vulkan ICD: $vk; NVIDIA libraries: $nvl"
  cat > $G/chrome.sh <<SH
#!/bin/sh
export LD_LIBRARY_PATH=$G/lib:$nvl:/usr/local/nvidia/lib64:/usr/local/nvidia/lib
export __EGL_VENDOR_LIBRARY_FILENAMES=$egl VK_DRIVER_FILES=$vk VK_ICD_FILENAMES=$vk
exec $G/chromium/chromium-headless-shell "\$@"
SH
  chmod +x $G/chrome.sh
  nvidia-smi --query-gpu=name,driver_version,clocks.sm --format=csv
  CHROME=$G/chrome.sh PYTHONUNBUFFERED=1 python3 bench/gpu/cdp_bench.py dist "$OUT" 2>&1 | tee "$OUT/log.txt" ;;
*) echo "usage: device.sh shell|run" >&2; exit 2 ;;
esac
