# licit_embed(<out-var> <file>...): turns each data file into a C array
# initialiser (<name>.inc, a comma-separated byte list) in the build tree and
# appends the generated paths to <out-var>. Editing a data file re-embeds it.
function(licit_embed out_var)
  set(generated)
  foreach(src ${ARGN})
    get_filename_component(abs "${src}" ABSOLUTE)
    get_filename_component(name "${src}" NAME)
    set(inc "${CMAKE_CURRENT_BINARY_DIR}/Embedded/${name}.inc")
    add_custom_command(OUTPUT "${inc}"
      COMMAND ${CMAKE_COMMAND} -DINPUT=${abs} -DOUTPUT=${inc}
              -P ${PROJECT_SOURCE_DIR}/cmake/LicitEmbedFile.cmake
      DEPENDS "${abs}" ${PROJECT_SOURCE_DIR}/cmake/LicitEmbedFile.cmake
      COMMENT "Embedding ${name}" VERBATIM)
    list(APPEND generated "${inc}")
  endforeach()
  set(${out_var} ${${out_var}} ${generated} PARENT_SCOPE)
endfunction()
