# Freestanding i686 toolchain: clang targeting bare i686 ELF, linked by ld.lld.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR i686)
set(CMAKE_C_COMPILER clang)
set(CMAKE_ASM_COMPILER clang)
set(CMAKE_C_COMPILER_TARGET i686-unknown-none-elf)
set(CMAKE_ASM_COMPILER_TARGET i686-unknown-none-elf)
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

# No floating point or vector state anywhere: the kernel does not save FPU
# state across context switches, so user code must not have any either.
set(CMAKE_C_FLAGS_INIT
  "-ffreestanding -fno-pic -fno-stack-protector -fno-omit-frame-pointer -mno-sse -mno-mmx -mno-80387 -std=c11")
set(CMAKE_ASM_FLAGS_INIT "-fno-pic")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-fuse-ld=lld -nostdlib -static -Wl,--build-id=none")
