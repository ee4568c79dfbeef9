# The target half: everything that runs inside Samsara.
if(NOT CMAKE_BUILD_TYPE)
  set(CMAKE_BUILD_TYPE RelWithDebInfo)
endif()
set(CMAKE_C_FLAGS_RELWITHDEBINFO "-O2 -g")
add_compile_options(-Wall -Wextra -Werror -Wno-unused-parameter)
include_directories(${CMAKE_SOURCE_DIR}/include ${CMAKE_BINARY_DIR}/include)

# samsara_program(NAME SOURCES...): a ring-3 ELF program for the boot image,
# linked at the user base with crt0, libsys and libc.
function(samsara_program name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE crt0 sys c sys)
  target_link_options(${name} PRIVATE -T ${CMAKE_SOURCE_DIR}/lib/libsys/arch/i386/user.ld)
  set_target_properties(${name} PROPERTIES LINK_DEPENDS ${CMAKE_SOURCE_DIR}/lib/libsys/arch/i386/user.ld)
endfunction()

add_subdirectory(kernel)
add_subdirectory(lib/libc)
add_subdirectory(lib/libsys)
add_subdirectory(servers/ds)
add_subdirectory(servers/pm)
add_subdirectory(servers/vfs)
add_subdirectory(servers/ext2)
add_subdirectory(drivers/tty)
add_subdirectory(drivers/memory)
add_subdirectory(commands)
add_subdirectory(tests/guest)
add_subdirectory(images)
