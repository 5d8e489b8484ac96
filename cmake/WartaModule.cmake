# warta_module(NAME SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...])
# One static library per src/ folder. A module may include only its own headers and those of
# the modules it links (directly, or through their PUBLIC deps); every module gets `-I src`,
# so the compiler does not hold that line: the style.module_fence test does
# (cmake/ModuleFence.cmake, docs/module-fence.md).
function(warta_module name)
  cmake_parse_arguments(M "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(warta_${name} STATIC ${M_SOURCES})
  target_include_directories(warta_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(warta_${name} PUBLIC ${M_PUBLIC_DEPS} PRIVATE ${M_PRIVATE_DEPS})
endfunction()

# warta_test(NAME SOURCES ... DEPS ... [LABELS ...]): a GoogleTest binary registered with CTest.
function(warta_test name)
  cmake_parse_arguments(T "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_DEPS} GTest::gtest GTest::gtest_main Threads::Threads)
  gtest_discover_tests(${name} PROPERTIES LABELS "${T_LABELS}" DISCOVERY_TIMEOUT 60)
endfunction()

# warta_glob_module(NAME DIR [PUBLIC_DEPS ...] [PRIVATE_DEPS ...] [TEST_DEPS ...]):
# a module made of every .cpp under DIR (recursively); *_test.cpp files become one test
# binary warta_NAME_test beside it when WARTA_BUILD_TESTS is on.
function(warta_glob_module name dir)
  cmake_parse_arguments(M "" "" "PUBLIC_DEPS;PRIVATE_DEPS;TEST_DEPS;EXTRA_SOURCES" ${ARGN})
  file(GLOB_RECURSE all_sources CONFIGURE_DEPENDS ${dir}/*.cpp)
  set(sources "")
  set(tests "")
  foreach(f IN LISTS all_sources)
    if(f MATCHES "_test\\.cpp$")
      list(APPEND tests ${f})
    else()
      list(APPEND sources ${f})
    endif()
  endforeach()
  if(NOT sources AND NOT M_EXTRA_SOURCES)
    # A module still being written: headers only for now.
    add_library(warta_${name} INTERFACE)
    target_include_directories(warta_${name} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(warta_${name} INTERFACE ${M_PUBLIC_DEPS} ${M_PRIVATE_DEPS})
    set_target_properties(warta_${name} PROPERTIES WARTA_MODULE_DIR ${dir})
    return()
  endif()
  warta_module(${name} SOURCES ${sources} ${M_EXTRA_SOURCES}
               PUBLIC_DEPS ${M_PUBLIC_DEPS} PRIVATE_DEPS ${M_PRIVATE_DEPS})
  set_target_properties(warta_${name} PROPERTIES WARTA_MODULE_DIR ${dir})  # for the fence
  if(tests AND WARTA_BUILD_TESTS)
    warta_test(warta_${name}_test SOURCES ${tests}
               DEPS warta_${name} ${M_PUBLIC_DEPS} ${M_PRIVATE_DEPS} ${M_TEST_DEPS})
  endif()
endfunction()
