# Build-time configuration, declared once. Every option lands in the generated
# header <samsara/config.h>, which kernel and user space read with plain `if`.
set(SAMSARA_HZ 100 CACHE STRING "Timer interrupts per second")
set(SAMSARA_NR_PROCS 64 CACHE STRING "Process table slots (at most 1024)")
set(SAMSARA_NR_GRANTS 64 CACHE STRING "Grant slots per process")
set(SAMSARA_QUANTUM_MS 20 CACHE STRING "Default scheduling quantum in milliseconds")
set(SAMSARA_DISK_MIB 64 CACHE STRING "Size of build/images/disk.img in MiB")

# Passed on to the target half so both halves agree.
set(SAMSARA_CONFIG_ARGS
  -DSAMSARA_HZ=${SAMSARA_HZ}
  -DSAMSARA_NR_PROCS=${SAMSARA_NR_PROCS}
  -DSAMSARA_NR_GRANTS=${SAMSARA_NR_GRANTS}
  -DSAMSARA_QUANTUM_MS=${SAMSARA_QUANTUM_MS}
  -DSAMSARA_DISK_MIB=${SAMSARA_DISK_MIB})

configure_file(${CMAKE_SOURCE_DIR}/include/samsara/config.h.in
               ${CMAKE_BINARY_DIR}/include/samsara/config.h @ONLY)
