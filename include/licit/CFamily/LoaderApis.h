//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The C and C++ model-loading APIs (lib/CFamily/LoaderApis.def), shared by
/// the Clang pass and the raw-lexer pass, and what both read them with.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_CFAMILY_LOADERAPIS_H
#define LICIT_CFAMILY_LOADERAPIS_H

#include "licit/Facts/ModelIds.h"
#include "licit/Facts/ModelRef.h"
#include "licit/Facts/RefRecorder.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace licit::cfamily {

enum class ApiKind : unsigned char {
  /// A function or method; the model is an argument.
  Call,
  /// A class whose constructor loads the model.
  Construct,
  /// A function pointer in a struct (a C API table), called through it.
  PointerField,
  /// A field holding a model the library loads later.
  Field
};

struct LoaderApi {
  ApiKind Kind;
  /// The qualified name ("::llama_model_load_from_file", "Ort::Session").
  llvm::StringRef Name;
  /// The tokens the raw lexer matches, ending at the name.
  llvm::StringRef Raw;
  unsigned Arg;
  IdSyntax Syntax;
  RefAction Action;
  /// The file holds code the loader runs.
  bool RunsCode;
};

/// Every API of the table, in its order.
llvm::ArrayRef<LoaderApi> loaderApis();

/// Whether \p Text mentions a loader of the table by name, or quotes a
/// weights file's name (`"yolov8n.onnx"`, which a class of the project may
/// hand to a loader in a header): the cheap test before a translation unit
/// is parsed.
bool mentionsLoader(llvm::StringRef Text);

/// Whether a variable or field named \p Name holds a model by its name
/// ("model_path", "kModelFile", "hf_repo", "whisper_weights").
bool isModelNamed(llvm::StringRef Name);

/// Records \p Value (written as \p Literal), held by a model-named
/// variable, as \p Site says: a weights file (".bin" too) or hub id, as
/// such a name's value is; else any model the knowledge base knows or its
/// shape shows. \returns whether it names a model.
bool recordModelNamed(RefRecorder &Refs, llvm::StringRef Value,
                      llvm::StringRef Literal, RefSite Site);

/// Records that \p Api, which loads a file holding code, is given
/// \p Argument (text of \p Refs' source), a path chosen at run time.
void recordRunTimeLoad(RefRecorder &Refs, const LoaderApi &Api,
                       llvm::StringRef Argument);

/// The methods that give a string's characters or a path's string
/// ("c_str", "data", "string"): the value flows through them unchanged.
bool isStringAccessor(llvm::StringRef Method);

} // namespace licit::cfamily

#endif // LICIT_CFAMILY_LOADERAPIS_H
