# Host tests of the ext2 file system library (servers/ext2/fs), run against
# images made at test time by the host's e2fsprogs, which also judge the
# results (e2fsck -fn, debugfs cat). Included from CMakeLists.txt.

find_program(SAMSARA_MKE2FS mke2fs PATHS /usr/sbin /sbin)
find_program(SAMSARA_E2FSCK e2fsck PATHS /usr/sbin /sbin)
find_program(SAMSARA_DEBUGFS debugfs PATHS /usr/sbin /sbin)

set(ext2_dir ${CMAKE_SOURCE_DIR}/servers/ext2/fs)
set(ext2_sources super.c cache.c balloc.c ialloc.c inode.c file.c dir.c attr.c ops.c)
list(TRANSFORM ext2_sources PREPEND ${ext2_dir}/)

add_library(ext2fs_host STATIC ${ext2_sources})
set_target_properties(ext2fs_host PROPERTIES
  C_STANDARD 11 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
target_compile_options(ext2fs_host PRIVATE -Wall -Wextra -Werror -g)
target_include_directories(ext2fs_host PUBLIC ${CMAKE_SOURCE_DIR}/include ${ext2_dir})
if(SAMSARA_UNIT_SANITIZE AND SAMSARA_UNIT_HAVE_SANITIZERS)
  target_compile_options(ext2fs_host PRIVATE ${unit_sanitize_flags} -fno-omit-frame-pointer)
endif()

# samsara_ext2_test(AREA): test_ext2_AREA.c with the shared helpers, as host
# executable unit_ext2_AREA and test unit.ext2_AREA.
function(samsara_ext2_test area)
  add_executable(unit_ext2_${area} test_ext2_${area}.c test_ext2_util.c)
  set_target_properties(unit_ext2_${area} PROPERTIES
    C_STANDARD 11 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
  target_compile_definitions(unit_ext2_${area} PRIVATE _GNU_SOURCE
    MKE2FS="${SAMSARA_MKE2FS}" E2FSCK="${SAMSARA_E2FSCK}" DEBUGFS="${SAMSARA_DEBUGFS}")
  target_compile_options(unit_ext2_${area} PRIVATE -Wall -Wextra -Werror -g)
  target_include_directories(unit_ext2_${area} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(unit_ext2_${area} PRIVATE ext2fs_host)
  if(SAMSARA_UNIT_SANITIZE AND SAMSARA_UNIT_HAVE_SANITIZERS)
    target_compile_options(unit_ext2_${area} PRIVATE ${unit_sanitize_flags} -fno-omit-frame-pointer)
    target_link_options(unit_ext2_${area} PRIVATE ${unit_sanitize_flags})
  endif()
  add_test(NAME unit.ext2_${area} COMMAND unit_ext2_${area})
  set_tests_properties(unit.ext2_${area} PROPERTIES TIMEOUT 120)
endfunction()

if(SAMSARA_MKE2FS AND SAMSARA_E2FSCK AND SAMSARA_DEBUGFS)
  foreach(area read write namei corrupt enospc)
    samsara_ext2_test(${area})
  endforeach()
else()
  message(STATUS "e2fsprogs not found: the ext2 unit tests are not built")
endif()
