# warta_embed(TARGET OUT_CPP NAMESPACE FILES...): compiles files (templates, CSS, catalogs)
# into the binary, so a deployed warta is one file. Generated at build time from the
# listed files; editing one re-runs the generator.
function(warta_embed out_cpp base_dir)
  set(files ${ARGN})
  add_custom_command(
    OUTPUT ${out_cpp}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_cpp} -DBASE=${base_dir} "-DFILES=${files}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedGenerate.cmake
    DEPENDS ${PROJECT_SOURCE_DIR}/cmake/EmbedGenerate.cmake ${files}
    COMMENT "Embedding resources into ${out_cpp}"
    VERBATIM)
endfunction()
