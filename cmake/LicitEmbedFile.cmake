# Script mode: cmake -DINPUT=<file> -DOUTPUT=<inc> -P LicitEmbedFile.cmake
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
# Bytes past 0x7f (UTF-8 text) do not narrow to char implicitly.
string(REGEX REPLACE "(0x[89a-f][0-9a-f])," "char(\\1)," bytes "${bytes}")
# Break the list into lines so compilers and diff tools stay comfortable.
string(REGEX REPLACE "((0x..,){32})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp" "${bytes}\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
