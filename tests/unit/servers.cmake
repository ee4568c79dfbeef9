# Host unit tests of the pure logic in servers and drivers (included from
# CMakeLists.txt).

# samsara_server_unit_test(NAME DIR SOURCES...): tests/unit/test_NAME.c with
# DIR/SOURCES (DIR relative to the source root, e.g. servers/ds), and DIR on
# the include path.
function(samsara_server_unit_test name server)
  set(sources ${CMAKE_CURRENT_SOURCE_DIR}/test_${name}.c)
  foreach(src IN LISTS ARGN)
    list(APPEND sources ${CMAKE_SOURCE_DIR}/${server}/${src})
  endforeach()
  add_executable(unit_${name} ${sources})
  set_target_properties(unit_${name} PROPERTIES C_STANDARD 11 C_STANDARD_REQUIRED ON)
  target_compile_options(unit_${name} PRIVATE -Wall -Wextra -Werror -g
    -include ${CMAKE_CURRENT_SOURCE_DIR}/host_compat.h)
  target_include_directories(unit_${name} PRIVATE
    ${CMAKE_SOURCE_DIR}/include ${CMAKE_SOURCE_DIR}/${server}
    ${CMAKE_CURRENT_SOURCE_DIR} ${CMAKE_BINARY_DIR}/include)
  if(SAMSARA_UNIT_SANITIZE AND SAMSARA_UNIT_HAVE_SANITIZERS)
    target_compile_options(unit_${name} PRIVATE ${unit_sanitize_flags} -fno-omit-frame-pointer)
    target_link_options(unit_${name} PRIVATE ${unit_sanitize_flags})
  endif()
  add_test(NAME unit.${name} COMMAND unit_${name})
  set_tests_properties(unit.${name} PROPERTIES TIMEOUT 30)
endfunction()

samsara_server_unit_test(ds_store servers/ds store.c)
samsara_server_unit_test(ds_mirror servers/ds store.c slot.c)
samsara_server_unit_test(tty_line drivers/tty line.c)
samsara_server_unit_test(tty_screen drivers/tty screen.c)
samsara_server_unit_test(ata_mbr drivers/ata partition.c)
samsara_server_unit_test(vfs_mtab servers/vfs mtab.c)
